"""The declarative base every table derives from. Models import this module, never mock_portal.db:
db.py imports the models (to create their tables), not the other way round."""

from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass
