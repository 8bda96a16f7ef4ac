"""The embedded mock of the 科学技术部政务服务平台 (fuwu.most.gov.cn).

A small real web application: FastAPI + Jinja2 pages, SQLite through SQLAlchemy,
every FAQ rule enforced on the server. Build it with :func:`mock_portal.app.create_app`.
"""

__version__ = "0.1.0"
