"""单位名称变更 (我的信息 → 法人单位基本信息): a verified unit's name changes only with a stamped declaration
that the back office approves."""

RENAME_LEGAL_ONLY = "只有法人账号可以申请单位名称变更"
RENAME_NEW_NAME_REQUIRED = "请填写变更后的单位名称"
RENAME_SAME_NAME = "变更后的单位名称与当前单位名称相同"
RENAME_NAME_TAKEN = "该单位名称已被其他单位使用"
RENAME_DECLARATION_REQUIRED = "请上传加盖公章的单位名称变更声明"
RENAME_SUBMITTED = "单位名称变更申请已提交，审核通过后生效"
RENAME_PENDING = "单位名称变更申请正在审核中，请勿重复提交"

# The request as the back office queue shows it: its kind, title and the two names it carries.
RENAME_REVIEW_LABEL = "单位名称变更"
RENAME_TITLE = "单位名称变更：{old} → {new}"
RENAME_OLD_NAME = "原单位名称"
RENAME_NEW_NAME = "变更后单位名称"
