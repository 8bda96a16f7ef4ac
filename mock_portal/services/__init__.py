"""Domain logic, independent of HTTP. The lists that span modules are written out: services/
review_decisions.py (who decides which kind of manual review) and services/access.py (the systems with an
entry rule of their own)."""
