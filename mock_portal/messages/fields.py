"""Field names and choices of 用户注册, 检索 and 我的信息.

The names fill "{field}不能为空" / "请从列表中选择{field}" and 检索结果, and head 信息更新记录; the choices are
the options of 证件类型, 单位类型 and 我的信息's lists."""

# Field names (also the keys 我的信息 stores a value under, shown in 信息更新记录)
LOGIN_NAME = "登录名"
PASSWORD = "密码"
NAME = "姓名"
ID_TYPE = "证件类型"
ID_NUMBER = "证件号码"
PHONE = "手机号"
MOBILE = "移动电话"
SMS_CODE = "短信验证码"
UNIT_NAME = "单位名称"
CREDIT_CODE = "统一社会信用代码"
CREDIT_CODE_SHORT = "信用代码"
UNIT_TYPE = "单位类型"
AGENT_NAME = "主代办人姓名"
AGENT_PHONE = "主代办人手机号"
GENDER = "性别"
EMAIL = "电子邮箱"
DATE_FIELDS = ("出生日期", "单位成立日期", "核准日期")
UNIT_NATURE = "单位性质"
REP_TYPE = "法定代表人类型"
REP_CONTINENT = "所属大洲"

# 我的信息 sections (信息更新记录)
PERSON_SECTION = "自然人用户信息"
AGENT_SECTION = "主代办人信息"
BASIC_SECTION = "法人单位基本信息"
OTHER_SECTION = "法人单位其他信息"
UPDATE_FIELDS_SEPARATOR = "、"

# Choices
ID_TYPES = ("居民身份证", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "护照")
UNIT_TYPES = ("企业法人", "事业单位法人", "社会团体法人", "机关法人", "其他组织")
GENDERS = ("男", "女")
REP_TYPES = ("中华人民共和国大陆地区", "香港特别行政区", "澳门特别行政区", "台湾地区", "外国")
CONTINENTS = ("亚洲", "欧洲", "非洲", "北美洲", "南美洲", "大洋洲")
UNIT_NATURES = ("国有企业", "集体企业", "私营企业", "外资企业", "其他")

# 我的信息: form field -> label (= the key stored in Account.profile / Unit.basic_info / Unit.other_info)
PERSON_FIELDS = {
    "gender": "性别",
    "ethnicity": "民族",
    "position": "职务",
    "birth_date": "出生日期",
    "email": "电子邮箱",
}
AGENT_FIELDS = {"gender": "性别", "telephone": "电话", "fax": "传真", "email": "电子邮箱"}
BASIC_FIELDS = {
    "english_name": "英文名称",
    "nature": "单位性质",
    "address": "单位地址",
    "postcode": "邮政编码",
    "founded_on": "单位成立日期",
    "rep_name": "法定代表人姓名",
    "rep_type": "法定代表人类型",
    "rep_continent": "所属大洲",
}
OTHER_FIELDS = {
    "term": "单位经营期限",
    "industry1": "所属行业1",
    "industry2": "所属行业2",
    "registrar": "工商登记机关",
    "approved_on": "核准日期",
    "foreign_source": "外资来源地",
    "tax_method": "所得税征收方式",
    "enterprise_type": "企业类型",
}
OTHER_CHOICES = {
    "foreign_source": ("无", "香港", "澳门", "台湾", "其他国家或地区"),
    "tax_method": ("查账征收", "核定征收"),
    "enterprise_type": ("有限责任公司", "股份有限公司", "个人独资企业", "合伙企业", "其他"),
}
