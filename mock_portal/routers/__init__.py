"""One router per domain; every module here exposes `router` and is mounted by create_app."""
