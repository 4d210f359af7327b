"""The parts of jtr's one ja/en catalog (`jtr.labels.LABELS`), one module each: plain data,
nothing imported. `jtr.labels` merges them; read them through `jtr.labels.label` and
`jtr.labels.message`, never directly.

- `help_text`: the help of every command and option (`help_<command>`, `opt_<name>`, …);
- `usage`: usage errors (an unknown command or option, a bad value) and the help's headings;
- `findings`: the messages of `jtr validate`'s findings (loader, schema, rules);
- `messages`: errors, warnings and confirmations of the commands and the core.

Keys are `snake_case` and each lives in one part; `{name}` fields are the same in both
languages (tests/test_messages.py).
"""

from jtr.catalog import findings, help_text, messages, usage

PARTS: tuple[dict[str, tuple[str, str]], ...] = (
    help_text.ENTRIES,
    usage.ENTRIES,
    findings.ENTRIES,
    messages.ENTRIES,
)
