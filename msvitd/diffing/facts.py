"""Kept for imports written before the move: the source's facts live in msvitd.facts.source."""

from msvitd.facts.source import (_SOURCES, Fact, _cite, _decimals_of, _raw, derived_facts, fmt, study_facts,  # noqa: F401,E501
                                 unit_suffix, words)
