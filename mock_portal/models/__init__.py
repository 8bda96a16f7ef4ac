"""All tables. Every module in this package is imported so that `create_all` sees it;
a new domain adds its own module here and nothing else needs to change."""

import importlib
import pkgutil

from mock_portal.models.accounts import Account, Unit  # noqa: F401
from mock_portal.models.web import AuditEvent, LoginFailure, WebSession  # noqa: F401

for _mod in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_mod.name}")
