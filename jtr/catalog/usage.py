"""The catalog's usage part: see jtr.catalog."""

ENTRIES: dict[str, tuple[str, str]] = {}
