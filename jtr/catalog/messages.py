"""The catalog's messages part: see jtr.catalog."""

ENTRIES: dict[str, tuple[str, str]] = {}
