"""What the exports shared before jtr.presenter: the rows, looks and words now live there and in
jtr.labels. Only the names the tests still import from here remain, taken from those."""

from __future__ import annotations

from jtr.presenter import LOOKS, TaskRow, task_rows

__all__ = ["STATE_SYMBOLS", "TaskRow", "task_rows"]

STATE_SYMBOLS: dict[str, str] = {state: look.symbol for state, look in LOOKS.items()}
