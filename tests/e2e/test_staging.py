"""Target checks that hold on every portal (the seam check): every feature under features/staging."""

from pytest_bdd import scenarios

scenarios("staging")
