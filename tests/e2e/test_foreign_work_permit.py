"""外国人来华工作管理服务系统问题 (FAQ chapter 6): every feature under features/foreign_work_permit."""

from pytest_bdd import scenarios

scenarios("foreign_work_permit")
