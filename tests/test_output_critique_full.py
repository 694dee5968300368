"""`critique --format full` prints a source figure in full once, then refers to it (newcomer review M11:
the study's four-line population came 8 times in the seed article's output)."""

from __future__ import annotations

import re


def test_each_source_figure_in_full_once(cli):
    out = cli("critique", "seed-vitamin-d-ms-forum", "-f", "full").stdout
    assert sum(line.startswith("    source: Population: ") for line in out.splitlines()) == 1
    refs = re.findall(r"source: (.+), as given above at (\d+):(\d+)$", out, re.M)
    assert ("Population", "7", "401") in refs
    located = {f"{m.group(1)}:{m.group(2)}" for m in re.finditer(r"^\S+seed-vitamin-d-ms-forum.txt:(\d+):(\d+): ", out, re.M)}
    assert all(f"{line}:{col}" in located for _, line, col in refs)  # each points at a finding printed above
