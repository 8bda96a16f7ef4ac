"""因公出国（境）培训 (FAQ-4.x)."""

USE_NATURAL = "因公出国（境）培训需使用自然人账号办理，请使用自然人账号办理（退出后选择自然人登录）"
NO_PERMISSION = "没有权限进入因公出国（境）培训系统，请联系科技部引智司进行报备"
CONTACT_EMAIL = "电子邮箱：otm@most.cn"
CONTACT_BUSINESS = "业务电话：010-58884232"
CONTACT_TECH = "技术电话：18003435512"
CONTACT_SEPARATOR = "；"  # NO_PERMISSION and the three contacts, in one message
FILING_SUBMITTED = "报备申请已提交，等待引智司审核"
FILING_PENDING = "您的报备申请正在审核中，请耐心等待"
WELCOME = "欢迎进入因公出国（境）培训系统"
FILING_KIND = "因公出国（境）培训报备"
FILING_TITLE = "{name}（{login_name}）因公出国（境）培训报备"
