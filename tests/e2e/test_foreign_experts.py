"""外国专家项目管理信息系统问题 (FAQ chapter 5): every feature under features/foreign_experts."""

from pytest_bdd import scenarios

scenarios("foreign_experts")
