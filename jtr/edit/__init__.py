"""Record progress in the roadmap file without disturbing anything else in it.

An edit is planned on the bytes of the file and then written:

1. The edited item's lines (else the whole file) are loaded with ruamel.yaml's round-trip
   mode (comments, quoting, flow style and key order kept), the change is made on that tree,
   and the tree is dumped again (`rtyaml`, `nodes`).
2. The dump is compared with the original lines. The change must be a pure insertion (a new
   record) or a pure deletion (`--clear`); it is then applied to the original lines, so every
   other line stays byte for byte as written even where ruamel would format it differently
   (`hunks`, on the `lines` of the file). New lines are slid above comments that belong to
   what follows them.
3. The result is read back with jtr's own loader and must be exactly the expected data, then
   validated (schema and rules); errors refuse the edit (`planning`; what to edit is found by
   `lookup`).
4. The file is written atomically under an exclusive lock on a separate lock file (`disk`).

ruamel.yaml is imported only inside functions: the views never pay for it, and importing
this package costs none of it either.
"""

from jtr.edit.disk import DEFAULT_WAIT, apply, lock_path, locked
from jtr.edit.errors import EditError, EditInvalid
from jtr.edit.lines import BOM, Line, split_lines, unified_diff
from jtr.edit.planning import (
    MILESTONES,
    AddRevision,
    Edit,
    Outcome,
    SetMilestone,
    SetStatus,
    plan,
)
from jtr.edit.rtyaml import Verbatim, make_yaml, roundtrip

__all__ = [
    "BOM",
    "DEFAULT_WAIT",
    "MILESTONES",
    "AddRevision",
    "Edit",
    "EditError",
    "EditInvalid",
    "Line",
    "Outcome",
    "SetMilestone",
    "SetStatus",
    "Verbatim",
    "apply",
    "lock_path",
    "locked",
    "make_yaml",
    "plan",
    "roundtrip",
    "split_lines",
    "unified_diff",
]
