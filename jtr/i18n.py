"""Which language the user reads; the words themselves are the catalog's (`jtr.labels`)."""

from __future__ import annotations

from jtr.labels import LABELS, LANGS, choose, current_lang, detect_lang, label, message, set_lang

__all__ = [
    "LABELS",
    "LANGS",
    "choose",
    "current_lang",
    "detect_lang",
    "label",
    "message",
    "set_lang",
    "t",
]

# The catalog lives in jtr.labels; `t` is its `label` under the short name the views use.
t = label
