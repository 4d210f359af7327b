"""Reading a roadmap as a review command does: any revision, checked or not.

`jtr diff`, `jtr history` and `jtr textconv` read versions that were never validated (an old
commit, a pull request's head), so they take what the YAML says rather than refuse it. The
one thing they cannot take as it is: `.inf`, `-.inf` and `.nan`, which PyYAML reads as
floats that JSON has no spelling for and that no count, year or month can be. Here, once,
each becomes the text YAML wrote (`".inf"`), so every output shows it as written and no JSON
output holds `Infinity` or `NaN`.
"""

from __future__ import annotations

import math
from typing import Any


def load_revision(raw: bytes, name: str) -> dict[str, Any]:
    """The data of one version of a roadmap (`name` for messages); LoadError if it is not
    readable YAML. Non-finite numbers, as values or keys, come back as text."""
    from jtr.loader import decode, load_text

    return finite(load_text(decode(raw, name), name))


def _spelling(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    return ".inf" if value > 0 else "-.inf"


def _odd(value: Any) -> bool:
    return isinstance(value, float) and not math.isfinite(value)


def finite(data: dict[str, Any]) -> dict[str, Any]:
    """`data` with every infinite or NaN float (value or key) replaced, in place, by its YAML
    spelling. Iterative, so depth costs no stack."""
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if any(_odd(key) for key in node):
                entries = list(node.items())
                node.clear()
                for key, value in entries:  # the first of two keys that now read alike wins
                    node.setdefault(_spelling(key) if _odd(key) else key, value)
            for key, value in node.items():
                if _odd(value):
                    node[key] = _spelling(value)
                elif isinstance(value, (dict, list)):
                    stack.append(value)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                if _odd(value):
                    node[i] = _spelling(value)
                elif isinstance(value, (dict, list)):
                    stack.append(value)
    return data
