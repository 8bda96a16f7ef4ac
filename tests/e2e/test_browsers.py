"""Across browsers (issue 8): the browser hint and the non-Chrome symptoms with their recovery."""

from pytest_bdd import scenarios

scenarios("browsers")
