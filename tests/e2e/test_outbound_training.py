"""因公出国（境）培训问题 (FAQ chapter 4): every feature under features/outbound_training."""

from pytest_bdd import scenarios

scenarios("outbound_training")
