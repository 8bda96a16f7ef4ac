"""无障碍与政府网站规范 (@a11y): every feature under features/a11y."""

from pytest_bdd import scenarios

scenarios("a11y")
