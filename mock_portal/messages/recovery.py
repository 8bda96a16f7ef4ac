"""找回密码: 登录名重置密码 and the 自然人 / 单位法人用户 appeals (申诉找回密码)."""

RESET = "登录名重置密码"
APPEAL_NATURAL = "自然人申诉找回密码"
APPEAL_LEGAL = "单位法人用户申诉找回密码"

LOGIN_NAME_REQUIRED = "请输入登录名"
UNKNOWN_LOGIN_NAME = (
    "该登录名不存在。若确定在政务服务平台已存在账号，"
    "请使用“单位法人用户申诉找回密码”或“自然人申诉找回密码”方式找回账号密码"
)
NO_RESERVED_PHONE = (
    "该账号没有预留手机号，无法通过短信重置密码。请使用“单位法人用户申诉找回密码”或“自然人申诉找回密码”方式找回账号密码"
)
# 外国专家项目管理信息系统 accounts were migrated with the prefix WGZJXM_ (FAQ-5.2).
LEGACY_PREFIX = "WGZJXM_"
LEGACY_PREFIX_HINT = "未找到该登录名。外国专家项目管理信息系统迁移的账号，请在以前的登录名前增加“WGZJXM_”后重新检索"
SUPPORT_HINT = "若登录名不存在，说明不存在此账号，请拨打技术支持电话咨询：010-58881000"
RESET_EXPIRED = "重置密码的操作已失效，请重新输入登录名"
RESET_DONE = "密码重置成功，请使用新密码登录"
NEW_PASSWORD_REQUIRED = "请输入新密码"
CODE_REQUIRED = "请输入短信验证码"

REQUIRED = "请填写{label}"
BAD_PHONE = "手机号格式不正确，请输入11位手机号"
NATURAL_NOT_FOUND = "未找到与该姓名和证件号码匹配的自然人账号，请核对后重新填写"
LEGAL_NOT_FOUND = "未找到与该单位名称匹配的法人账号，请填写注册账号时的单位名称"
CREDIT_CODE_MISMATCH = "统一社会信用代码与该单位名称登记的不一致，请核对后重新填写"
APPEAL_NOT_YOURS = "只能查看本浏览器提交的申诉"

FRONT_NATURAL = "证件正面"
BACK_NATURAL = "证件反面"
FRONT_HINT_NATURAL = "上传身份证件正面照片或扫描件（JPG、PNG或PDF）"
BACK_HINT_NATURAL = "上传身份证件反面照片或扫描件（JPG、PNG或PDF）"
FRONT_HINT_LEGAL = "上传主代办人证件正反面复印件+本人签字+盖章（JPG、PNG或PDF）"
BACK_HINT_LEGAL = "单位名称变更的，上传公司的变更声明+盖公章（JPG、PNG或PDF）"
UNIT_NAME_HINT = "请填写注册账号时的单位名称（单位名称变更过的，填写变更前的名称）"
AGENT_HINT = "主代办人可为单位任意一人"

SUBMITTED = "申诉已提交"
APPROVED_PAGE = "审核已通过，登录名和新密码已通过短信发送至{masked_phone}"
REJECTED_PAGE = "审核未通过，原因：{reason}"

SMS_APPROVED = (
    "【科学技术部政务服务平台】您的申诉已审核通过。登录名：{login_name}，新密码：{password}，请登录后及时修改密码。"
)
SMS_REJECTED = "【科学技术部政务服务平台】您的申诉未通过审核，原因：{reason}。如有疑问请联系平台客服。"
APPEAL_NATURAL_KIND = "自然人申诉"
APPEAL_LEGAL_KIND = "法人申诉"
APPEAL_DEFAULT_REJECT_REASON = "材料不符合要求"

# 申诉找回: the appeal form's fields (form field -> label, also the keys of the review's payload), the
# two ID photos, and the title the back office lists the appeal under.
APPEAL_NATURAL_FIELDS = {"name": "姓名", "id_number": "证件号码", "phone": "手机号"}
APPEAL_LEGAL_FIELDS = {
    "unit_name": "单位名称",
    "credit_code": "统一社会信用代码",
    "agent_name": "主代办人姓名",
    "agent_id_number": "主代办人证件号码",
    "phone": "手机号",
}
APPEAL_SLOTS = {"front": "证件正面", "back": "证件反面"}
APPEAL_TITLE = "{label}：{who}"
