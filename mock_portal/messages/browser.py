"""Texts of the browser-support policy and of the fault profiles' symptoms (mock_portal/faults.py)."""

HINT = "建议使用谷歌浏览器最新版"
RESET_FAILED = "重置密码失败，请稍后重试"
