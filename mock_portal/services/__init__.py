"""Domain logic, independent of HTTP. The registries that span modules are explicit lists:
reviews.decisions() (who decides which kind of manual review) and access.entry_rules() (the systems
with an entry rule of their own)."""
