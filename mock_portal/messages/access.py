"""Entering a business system."""

GRANT_EXPIRED = "授权已过期，请联系单位管理员重新授权"
NO_GRANT = "您没有该系统的权限，请联系单位管理员授权"
LEGAL_UNVERIFIED = "法人账号尚未通过实名认证，请先完成实名认证"
