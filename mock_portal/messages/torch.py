"""科技型中小企业评价, 高新技术企业认定 and 火炬中心业务办理平台 (FAQ-3.x)."""

REALNAME_POPUP = "您的个人信息没有实名认证，则需先实名认证个人信息才能进行下一步操作。请点击确定前往个人信息页面。"
MISSING_PREFIX = "请先完善："
BASIC = "法人单位基本信息"
OTHER = "法人单位其他信息"
AGENT = "主代办人信息"
REALNAME_PIECE = "实名认证"
STATS_NEEDS_LEGAL = "火炬统计调查等业务需使用法人账号办理，请使用法人账号登录后进入"
NOT_ADMIN_OF_UNIT = "您不是该单位的管理员，无权维护该单位信息"
UNIT_INFO_SAVED = "授权单位信息已保存"
FIELD_REQUIRED = "请填写完整：{fields}"
# The systems the completeness gate guards, and the fields it asks for (as 我的信息 names them).
GATED_SYSTEMS = {"sme": "科技型中小企业评价系统", "hnte": "高新技术企业认定系统"}
BASIC_FIELDS = ("法定代表人类型", "法定代表人姓名", "单位性质", "单位地址")
OTHER_FIELDS = (
    "单位经营期限",
    "所属行业1",
    "所属行业2",
    "工商登记机关",
    "核准日期",
    "外资来源地",
    "所得税征收方式",
    "企业类型",
)
AGENT_NAME = "姓名"
AGENT_PHONE = "手机号码"
AGENT_ID_NUMBER = "证件号码"
REP_TYPE = "法定代表人类型"
UNIT_NATURE = "单位性质"
APPROVED_ON = "核准日期"
# "<piece>（<field>、<field>）", pieces joined by "；"
FIELDS_OPEN = "（"
FIELDS_CLOSE = "）"
FIELD_SEPARATOR = "、"
PIECE_SEPARATOR = "；"
ADMIN_ROLE = "管理员"
WELCOME = "欢迎进入{system}"
# 火炬中心业务办理平台: the businesses it lists.
BUSINESS_HNTE = "高新技术企业认定"
BUSINESS_SME = "科技型中小企业评价"
BUSINESS_STATS = "火炬统计调查"
BUSINESS_INCUBATOR = "国家科技企业孵化器认定"
BUSINESS_MAKERSPACE = "国家备案众创空间"
BUSINESS_CONTRACTS = "技术合同认定登记"
BUSINESS_BROKERS = "技术经纪人培训报名"
