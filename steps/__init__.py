"""Step definitions, one module per domain. The root conftest loads every module here."""
