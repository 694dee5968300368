"""How `cite:` lists are read (models/common.py `Cite`), free of pydantic: the checks use it on a
validated file, and the engines on a library taken from the cache, which loads no pydantic."""

from __future__ import annotations

import re

from msvitd.suggest import did_you_mean

_ID_LIKE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def parse_cites(cites: list[str], sources: set) -> tuple[list[tuple[str, str]], list[tuple[int, str]]]:
    """Group cite tokens into (source id, location) pairs; return them and the problems found."""
    pairs: list[list] = []
    problems: list[tuple[int, str]] = []
    unknown_start = False  # `cite: journal, Table 2`: one problem (journal), not a second one for Table 2
    for i, item in enumerate(cites):
        for token in (t.strip() for t in item.split(",")):
            if not token:
                continue
            if token in sources:
                pairs.append([token, []])
            elif not pairs:
                if not unknown_start:
                    problems.append((i, f"a citation starts with a source id from `sources:` "
                                        f"({', '.join(sorted(sources))}), got {token!r}"
                                        f"{did_you_mean(token, sources)}"))
                unknown_start = True
            elif _ID_LIKE.match(token):
                problems.append((i, f"{token!r} is not a source id in `sources:` ({', '.join(sorted(sources))})"
                                    f"{did_you_mean(token, sources)}; "
                                    "a location should start with a capital letter or hold a space"))
            else:
                pairs[-1][1].append(token)
    return [(sid, ", ".join(loc)) for sid, loc in pairs], problems
