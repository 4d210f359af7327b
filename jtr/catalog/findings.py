"""The catalog's findings part: see jtr.catalog."""

ENTRIES: dict[str, tuple[str, str]] = {}
