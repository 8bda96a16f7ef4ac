"""Manual reviews, uploads and the back office."""

PENDING_PROMISE = "审核中，平台将在1-2个工作日内完成审核（预计{due}前），结果将以短信通知"
UPLOAD_EMPTY = "上传的文件“{name}”为空，请重新选择"
UPLOAD_TOO_LARGE = "上传的文件“{name}”超过{limit}MB，请压缩后重新上传"
UPLOAD_BAD_TYPE = "上传的文件“{name}”格式不正确，仅支持JPG、PNG图片或PDF文件"
UPLOAD_MISSING = "请上传{slot}"
REVIEWER_BAD_LOGIN = "审核员账号或密码错误"
DECIDED_APPROVED = "已审核通过"
DECIDED_REJECTED = "已驳回"
REASON_REQUIRED = "驳回时请填写原因"
ALREADY_DECIDED = "该申请已处理"
UNNAMED_FILE = "未命名文件"

# The date in PENDING_PROMISE ("2026年3月5日": strftime, then the leading zeros of month and day dropped).
DUE_DATE_FORMAT = "%Y年%m月%d日"
DUE_DATE_ZEROS = (("年0", "年"), ("月0", "月"))
# A review as the back office queue lists it ("自然人实名认证：张三"), and the notice after a decision.
QUEUE_TITLE = "{label}：{who}"
DECIDED_NOTICE = "{title}：{done}"
