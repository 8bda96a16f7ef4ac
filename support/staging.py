"""A staging target from --base-url (+ --target-config): capabilities are what the file declares."""
from __future__ import annotations

from pathlib import Path

import yaml

from support.target import Target


def staging_target(config, url: str) -> Target:
    path = config.getoption("--target-config")
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) if path else {}
    config.target_kind = data.get("kind", "staging")
    return Target(url.rstrip("/"), config.target_kind, None, frozenset(data.get("capabilities", [])), data)
