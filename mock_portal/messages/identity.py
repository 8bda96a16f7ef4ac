"""Registration, 我的信息 and 实名认证."""

REQUIRED = "{field}不能为空"
ID_NUMBER_INVALID = "证件号码格式不正确，请核对后重新输入（含校验位）"
CREDIT_CODE_INVALID = "统一社会信用代码格式不正确，请核对后重新输入（含校验位）"
PHONE_INVALID = "手机号码格式不正确"
EMAIL_INVALID = "电子邮箱格式不正确"
DATE_INVALID = "{field}格式不正确，请按年-月-日填写"
LOGIN_NAME_INVALID = "登录名须为4至32位字母、数字或下划线"
LOGIN_NAME_TAKEN = "登录名已被注册，请更换登录名"
PASSWORD_MISMATCH = "两次输入的密码不一致"
CHOICE_INVALID = "请从列表中选择{field}"

# FAQ-1.9.x: registration
ID_NUMBER_REGISTERED = "证件号码已被注册"
UNIT_NAME_REGISTERED = "单位名称已被注册"
CREDIT_CODE_REGISTERED = "信用代码已被注册"
NATURAL_APPEAL_HINT = "如该证件号码是您本人的，请通过自然人申诉找回密码找回已注册的账号"
LEGAL_APPEAL_HINT = "如该单位是贵单位（含更名前的单位名称），请通过法人申诉找回密码找回已注册的账号"
REGISTERED = "注册成功，请使用登录名“{login_name}”和密码登录"
CODE_SENT = "验证码已发送至{masked_phone}，10分钟内有效"

# 检索
LOOKUP_EMPTY = "请输入要检索的登录名或证件号码"
LOOKUP_FOUND = "检索结果：该{what}已注册"
LOOKUP_NOT_FOUND = "检索结果：该{what}未注册"

# 我的信息
SAVED = "保存成功"
PHONE_NEEDS_PASSWORD = "修改移动电话需要输入当前密码"
PHONE_PASSWORD_WRONG = "当前密码错误，移动电话未修改"
LEGAL_REP_TYPE_REQUIRED = "法定代表人类型不能为空"
CONTINENT_REQUIRED = "所属大洲不能为空"

# FAQ-1.8.x: 实名认证
REALNAME_LABELS = {"natural": "自然人实名认证", "legal": "法人实名认证", "agent": "主代办人实名认证"}
STATUS_TEXT = {
    "none": "{label}未认证，请完善信息后保存",
    "passed": "{label}已通过",
    "failed": "{label}失败",
    "pending": "实名认证审核中",
}
FAILED_HINT = "自动核验未通过，请点击“{action}”上传证件材料，转人工审核"
UPLOAD_ACTIONS = {"natural": "上传自然人信息", "legal": "上传法人信息", "agent": "上传主代办人信息"}
UPLOAD_SLOT = {
    "natural": "身份证件扫描件",
    "legal": "营业执照（统一社会信用代码证书）扫描件",
    "agent": "主代办人身份证件扫描件",
}
NOT_FAILED = "当前实名认证状态无需上传材料"
ID_NUMBER_EXISTS = "证件号码已存在"
UNIT_NAME_EXISTS = "单位名称已存在"
CREDIT_CODE_EXISTS = "信用代码已存在"
EXISTS_NATURAL_HINT = "该证件号码已绑定其他账号，请通过自然人申诉找回密码找回该账号"
EXISTS_LEGAL_HINT = "已绑定其他法人账号，请通过法人申诉找回密码找回该账号"
SMS_PASSED = "【科学技术部政务服务平台】您提交的{label}材料已审核通过，{label}已通过。"
SMS_REJECTED = "【科学技术部政务服务平台】您提交的{label}材料未通过审核，原因：{reason}。请登录平台重新上传。"
UNIT_NOT_LINKED = "该法人账号尚未关联单位，请联系平台管理员"
LEGAL_ONLY_INFO = "该信息仅法人账号可以维护"
UPLOAD_NOT_ALLOWED = "该账号不能提交此类实名认证材料"

# 我的信息: the pages' titles (also their tabs) and the appeal links offered beside a conflict.
INFO_PERSON = "自然人用户信息"
INFO_UNIT_BASIC = "法人单位基本信息"
INFO_UNIT_OTHER = "法人单位其他信息"
INFO_AGENT = "主代办人信息"
INFO_GRANTS = "法人(单位)授权办理情况"
INFO_LOG = "信息更新记录"
APPEAL_LINKS = {"natural": "自然人申诉找回密码", "legal": "法人申诉找回密码"}
