"""外国专家项目管理信息系统 (FAQ-5.x)."""

REGISTER_FIRST = "贵单位尚未在外国专家项目管理信息系统注册，请先注册并通过归口单位审核"
REGISTRATION_PENDING = "注册信息正在由归口单位审核，审核通过后即可办理业务和授权"
REGISTRATION_REJECTED = "归口单位审核未通过：{reason}。请修改后重新提交"
COMPETENT_REQUIRED = "请选择归口单位"
CONTACT_NAME_REQUIRED = "请填写单位联系人"
CONTACT_PHONE_INVALID = "请填写正确的联系电话"
NO_RECORDS = "如无以前的办理信息，请联系外国专家项目系统技术人员（电话：010-58235529）"
WELCOME = "欢迎进入外国专家项目管理信息系统"
LEGACY_PREFIX = "WGZJXM_"
COMPETENT_UNITS = (
    "北京市科学技术委员会",
    "上海市科学技术委员会",
    "广东省科学技术厅",
    "教育部国际合作与交流司",
    "中国科学院国际合作局",
)
REGISTRATION_KIND = "外国专家项目管理信息系统单位注册"
REGISTRATION_TITLE = "{unit} 外国专家项目管理信息系统注册（归口单位：{competent_unit}）"

# 外国人来华工作许可 (FAQ-6.1): the separate FAQ document the platform FAQ refers to.
WORK_PERMIT_FAQ_TITLE = "《外国人来华工作许可业务办理常见问题》"
WORK_PERMIT_FAQ = (
    ("外国人来华工作许可在哪里办理？", "请登录外国人来华工作管理服务系统，按照系统提示提交申请材料。"),
    (
        "持R字签证入境的外国高端人才如何办理工作许可？",
        "用人单位可在外国人来华工作管理服务系统中申请外国高端人才确认函。",
    ),
    ("工作许可证件遗失怎么办？", "请在外国人来华工作管理服务系统中申请补办，并按要求上传相关材料。"),
)
