"""SMS codes and the texts the SMS gateway sends."""

CODE_SENT = "验证码已发送至{masked_phone}，10分钟内有效"
CODE_WRONG = "短信验证码错误"
CODE_EXPIRED = "短信验证码已过期，请重新获取"
CODE_TOO_MANY = "短信验证码错误次数过多，请重新获取"
CODE_MISSING = "请先获取短信验证码"
COOLDOWN = "请{seconds}秒后再重新获取验证码"
CODE_TEXT = "【科学技术部政务服务平台】您的验证码为{code}，10分钟内有效，请勿泄露给他人。"
NOTICE_PASSWORD_CHANGED = (
    "【科学技术部政务服务平台】您的账号密码已于{time}修改。如非本人操作，请立即通过“忘记密码”重置密码并联系平台客服。"
)
NOTICE_PHONE_CHANGED = (
    "【科学技术部政务服务平台】您的账号预留手机号已于{time}改为尾号{tail}的号码。如非本人操作，请立即联系平台客服。"
)
