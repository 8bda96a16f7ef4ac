"""安全 (等保 2.0 / OWASP ASVS): every feature under features/security."""

from pytest_bdd import scenarios

scenarios("security")
