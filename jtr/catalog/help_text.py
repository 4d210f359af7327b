"""The catalog's help part: see jtr.catalog."""

ENTRIES: dict[str, tuple[str, str]] = {}
