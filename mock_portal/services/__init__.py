"""Domain logic, independent of HTTP. Every module here is imported at start-up so that
review decision handlers (see reviews.on_decision) are registered."""

import importlib
import pkgutil


def load_all() -> None:
    for mod in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{mod.name}")
