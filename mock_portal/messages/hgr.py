"""人类遗传资源管理系统: texts users see."""

NOT_FILED = "本单位尚未开通网上申报系统或未报备，暂不能使用人类遗传资源申报系统"
NOT_FILED_HOWTO = (
    "请点击服务事项→人类遗传资源管理→办理材料→七、开通网上申报系统提交材料清单，将此纸质版材料邮寄到遗传办窗口"
)
MATERIALS_ITEM_7 = "七、开通网上申报系统提交材料清单"
WINDOW_ADDRESS = "北京市海淀区西四环中路16号院4号楼1层"
WINDOW_NAME = "中国生物技术发展中心"
WINDOW_POSTCODE = "100039"
WINDOW_PHONE = "010-88225151"
FILING_SUBMITTED = "报备申请已提交，等待遗传办审核"
FILING_LEGAL_ONLY = "报备申请须由单位法人账号提交"
CHOOSE_UNIT = "请选择单位名称"
CHOOSE_UNIT_INVALID = "请选择您已获授权的单位"

CREATE_ROLE_REQUIRED = "您的角色不是“事项办理员”，不能新建项目，请联系单位法人修改授权"
HANDLER_ROLE = "事项办理员"
PROJECT_CREATED = "项目已创建，请上传Word附件后提交管理员"
REQUIRED = "请填写{label}"
MATTER_INVALID = "请选择申报事项"
NOT_YOUR_PROJECT = "该项目不属于您，无法查看"
DOCX_BAD_TYPE = "上传的文件“{name}”不是Word文档，请上传扩展名为.docx的Word文件"
ATTACHMENT_ADDED = "附件“{name}”已上传"
ATTACHMENT_REQUIRED = "请至少上传一个Word附件后再提交管理员"
NOT_EDITABLE = "项目已提交管理员，当前状态不能修改"
SYNTHESIZING = "已提交管理员，文件合成中。系统中文件较多时合成需要时间，请耐心等待"
SYNTHESIZED = "文件合成成功，可以下载"
SYNTHESIS_FAILED = "合成失败：{detail}"
BAD_FILE = "文件“{name}”格式有误，无法合成，请检查项目中上传的Word文件后重新上传"
NO_DOWNLOAD = "文件尚未合成成功，暂不能下载"

MIGRATION_CONTACT = "fuwu@most.cn"
MIGRATION_SUBMITTED = "项目迁移申请已提交，技术人员排查后将处理"
MIGRATION_NEEDS_FILING = "请先完成新单位名称的报备（开通网上申报系统），再申请项目迁移"
MIGRATION_NO_PROJECTS = "未找到原单位名称“{old}”下属于账号“{login}”的项目：{numbers}"
NUMBERS_SEPARATOR = "、"  # the {numbers} of MIGRATION_NO_PROJECTS
TRANSFER_SUBMITTED = "项目移送申请已提交，技术人员排查后将处理"
TRANSFER_NOT_EMPLOYEE = "在职员工账号“{login}”没有本单位人类遗传资源管理系统的有效授权"
TRANSFER_NO_PROJECTS = "离职员工账号“{login}”名下没有本单位的项目"
TRANSFER_SAME = "离职员工账号与在职员工账号不能相同"
LEGAL_ONLY = "该申请须由单位法人账号提交"
PROJECT_FORM_LABELS = {"name": "项目名称", "leader": "负责人"}
FILING_KIND = "人类遗传资源网上申报系统报备"
FILING_TITLE = "开通网上申报系统报备：{unit}"
FILING_DETAILS = {"unit_name": "单位名称"}  # the back office lists a filing's details under these labels
MIGRATION_FORM_LABELS = {
    "numbers": "项目编号",
    "login_name": "自然人账号（登录名）",
    "old_name": "原单位名称",
    "new_name": "变更后单位名称",
}
TRANSFER_FORM_LABELS = {"from_login": "离职员工账号（登录名）", "to_login": "在职员工账号（登录名）"}
# The back office (审核) lists a request's details under these labels, in this order.
MIGRATION_DETAILS = {
    "numbers": "项目编号",
    "login_name": "自然人账号",
    "old_name": "原单位名称",
    "new_name": "新单位名称",
}
TRANSFER_DETAILS = {
    "from_login": "离职员工账号",
    "to_login": "在职员工账号",
    "numbers": "项目编号",
    "unit_name": "单位名称",
}
MIGRATION_TITLE = "项目迁移：{old} → {new}"
TRANSFER_TITLE = "项目移送：{from_login} → {to_login}"
MIGRATION_KIND = "人类遗传资源项目迁移（单位名称变更）"
TRANSFER_KIND = "人类遗传资源项目移送（员工离职）"

BACKUP_MATCHED = "备份号{number}匹配成功"
BACKUP_NOT_ENTERED = "备份号{number}尚未录入。备份号由工作人员手工录入，约5个工作日，请耐心等待"
BACKUP_MISMATCH = (
    "备份号不匹配：备份系统中的单位名称“{backup_name}”与政务服务平台的单位名称“{portal_name}”"
    "不完全一致，完全一致才能匹配"
)
BACKUP_REQUIRED = "请填写备份号"

# 备份号录入 as the back office queue shows it: its kind, title and the values it carries.
BACKUP_ENTRY_LABEL = "人类遗传资源备份号录入"
BACKUP_ENTRY_TITLE = "备份号录入：{number}（{unit_name}）"
BACKUP_NUMBER_KEY = "备份号"
BACKUP_UNIT_NAME_KEY = "单位名称"
