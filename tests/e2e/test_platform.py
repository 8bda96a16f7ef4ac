"""政务服务平台问题 (FAQ chapter 1): every feature under features/platform."""

from pytest_bdd import scenarios

scenarios("platform")
