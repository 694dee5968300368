"""`msvitd summarize` in a narrow terminal (newcomer review, minor 1): below 72 columns each outcome is a
card of label and value, so numbers and labels are whole ("Relat…", "Relativ|e" before); at 72 and
wider the table stays, its headings whole."""

from __future__ import annotations

import re


def test_cards_below_72_columns(cli):
    out = cli("summarize", "d-lay-ms", env={"COLUMNS": "60"}).stdout
    assert max(len(line.rstrip()) for line in out.splitlines()) <= 60
    assert re.search(r"^Relative \(95% CI\) +HR 0\.69 \(0\.42 to 1\.16\) *$", out, re.M)
    assert re.search(r"^Difference +151 fewer per 1000 \(from", out, re.M)
    assert "Relativ\n" not in out and "…" not in out


def test_table_headings_whole_at_72_to_79(cli):
    out = cli("summarize", "d-lay-ms", env={"COLUMNS": "76"}).stdout
    heading = [line for line in out.splitlines()[:30] if "Outcome" in line]
    assert heading and "Certainty" in heading[0]
    words = {w for line in out.splitlines()[:30] for w in line.split()}
    assert {"Relative", "Absolute", "Control"} <= words
