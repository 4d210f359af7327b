"""The HTML report's baseline bars in headless Chromium (as tests/test_export_browser.py drives
it): each thin bar lies under its task's row, across exactly the columns of its fiscal years
in the baseline, and the page loads with no console message (the CSP refuses nothing)."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from functools import cache
from pathlib import Path

import pytest
from test_baseline import plan
from test_export_browser import browser, chromium, console_messages

from jtr.baseline import compare
from jtr.export import html_report
from jtr.render.slips import Against
from jtr.review.baselines import Baseline
from jtr.status import roadmap_state

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(browser() is None, reason="chromium is not installed"),
]

# Where each year's header cell and each baseline bar stand, written into the DOM.
PROBE = """<pre id="measured"></pre><script>
const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; };
const tables = [...document.querySelectorAll("table.timeline")].map(t => ({
  years: Object.fromEntries([...t.querySelectorAll("thead th.year")].map(h => [h.dataset.year, box(h)])),
  rows: [...t.querySelectorAll("tr.baseline")].map(r => ({
    task: r.dataset.baselineFor, from: r.dataset.from || null, to: r.dataset.to || null,
    bar: r.querySelector(".baseline-bar") ? box(r.querySelector(".baseline-bar")) : null,
    above: r.previousElementSibling ? box(r.previousElementSibling) : null,
    colour: r.querySelector(".baseline-bar") ?
      getComputedStyle(r.querySelector(".baseline-bar")).backgroundColor : null,
  })),
}));
document.getElementById("measured").textContent = JSON.stringify(tables);
</script>"""


@cache
def report(lang: str) -> str:
    against = Against(compare(plan(1), plan(3)), plan(1), Baseline("0" * 40, "plan-2023", None))
    state = roadmap_state(plan(3), dt.date(2026, 11, 26))
    return html_report.export(state, lang, against)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_baseline_bars_span_their_years(tmp_path: Path, lang: str) -> None:
    page = tmp_path / f"report-{lang}.html"
    page.write_text(report(lang), encoding="utf-8")
    run = chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert not console_messages(run.stderr), console_messages(run.stderr)
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", report(lang))
    probe = tmp_path / f"probe-{lang}.html"
    probe.write_text(text.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    run = chromium(tmp_path, probe.as_uri(), "--dump-dom", "--virtual-time-budget=5000")
    found = re.search(r'<pre id="measured">(.*?)</pre>', run.stdout, re.S)
    assert found, run.stdout[-2000:]
    tables = json.loads(html.unescape(found.group(1)))
    rows = [(table, row) for table in tables for row in table["rows"]]
    assert {row["task"] for _, row in rows} >= {"task-overdue", "task-new", "task-c1"}
    for table, row in rows:
        if row["from"] is None:  # a task added since: no bar
            assert row["bar"] is None, row
            continue
        left, right, top, bottom = row["bar"]
        first, last = table["years"][row["from"]], table["years"][row["to"]]
        assert first[0] - 2 <= left and right <= last[1] + 2, row  # within its years' columns
        assert left - first[0] < 12 and last[1] - right < 12, row  # ... and across them
        assert 2 <= bottom - top <= 6, row  # a thin bar
        assert row["above"] is not None and row["above"][3] <= top + 1, row  # under its task
        assert row["colour"] not in (None, "rgba(0, 0, 0, 0)", "transparent"), row
