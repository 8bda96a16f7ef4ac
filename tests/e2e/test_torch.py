"""火炬中心业务 (FAQ chapter 3): every feature under features/torch."""

from pytest_bdd import scenarios

scenarios("torch")
