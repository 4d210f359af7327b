"""Which language the user reads; the words themselves are the catalog's (`jtr.labels`)."""

from __future__ import annotations

import os
from collections.abc import Mapping

from jtr.labels import LABELS, LANGS, choose, label

__all__ = ["LABELS", "LANGS", "choose", "detect_lang", "label", "t"]

# The catalog lives in jtr.labels; `t` is its `label` under the short name the views use.
t = label


def detect_lang(environ: Mapping[str, str] | None = None) -> str:
    """$JTR_LANG (ja or en), else the locale (LC_ALL, then LC_MESSAGES, then LANG: Japanese
    when it starts with ja, else English), else Japanese: the data and its users are."""
    environ = os.environ if environ is None else environ
    chosen = environ.get("JTR_LANG", "").strip().lower()
    if chosen in LANGS:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "ja"
