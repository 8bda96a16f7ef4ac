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
