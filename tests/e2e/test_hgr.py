"""人类遗传系统问题 (FAQ chapter 2): every feature under features/hgr."""

from pytest_bdd import scenarios

scenarios("hgr")
