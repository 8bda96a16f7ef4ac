"""Login, logout, sessions and passwords."""

BAD_CREDENTIALS = "登录名或密码错误"
BAD_CAPTCHA = "验证码错误"
CAPTCHA_REQUIRED = "请输入验证码"
LOGIN_NAME_REQUIRED = "请输入登录名"
PASSWORD_REQUIRED = "请输入密码"
PASSWORD_EXPIRED = "您的密码已过期，请点击“修改密码”设置新密码后再登录"
LOCKED = "登录失败次数过多，账号已临时锁定，请{minutes}分钟后再试，或通过“忘记密码”重置密码"
IS_NATURAL_ACCOUNT = "该账号为自然人账号，请选择自然人登录"
IS_LEGAL_ACCOUNT = "该账号为法人账号，请选择法人登录"
ACCOUNT_DISABLED = "该账号已停用，请联系平台管理员"
IDLE_LOGGED_OUT = "由于长时间未操作，您已自动退出，请重新登录"
LOGIN_REQUIRED = "请先登录"
LOGGED_OUT = "您已安全退出"

PASSWORD_CHANGED = "密码修改成功，请使用新密码登录"
OLD_PASSWORD_WRONG = "原密码错误"
PASSWORD_MISMATCH = "两次输入的新密码不一致"
PASSWORD_SAME_AS_OLD = "新密码不能与原密码相同"
RULE_LENGTH_DENGBAO = "密码长度应为8至64位"
RULE_CLASSES = "密码须包含大写字母、小写字母、数字、特殊字符中的至少三类"
RULE_LENGTH_ASVS = "密码长度应为12至64位"
RULE_BREACHED = "该密码出现在已泄露密码列表中，请更换"
RULE_CONTAINS_LOGIN = "密码不能包含登录名"

CSRF_REFUSED = "请求已失效或来源不可信，请刷新页面后重试"
FORBIDDEN = "您无权访问该内容"
NOT_FOUND = "您访问的页面不存在"
SERVER_ERROR = "系统繁忙，请稍后再试。如需帮助，请提供事件编号：{incident}"

# ASVS V2.2.1: a current-password check shares the login's failure limit; the last wrong try locks.
CURRENT_PASSWORD_LOCKED = (
    "当前密码错误次数过多，账号已临时锁定并已退出登录，请{minutes}分钟后再试，或通过“忘记密码”重置密码"
)
SESSION_EXPIRED = "为保护账号安全，登录时间已达上限，已自动退出，请重新登录"
REVIEWER_LOCKED = "登录失败次数过多，该后台账号已临时锁定，请{minutes}分钟后再试"
# The password rule shown beside every new-password field, per policy (services/login.rule_hint).
RULE_HINT_DENGBAO = "密码长度为8至64位，须包含大写字母、小写字母、数字、特殊字符中的至少三类"
RULE_HINT_ASVS = "密码长度为12至64位，可使用任意字符（含中文）"
