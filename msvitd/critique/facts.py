"""Kept for imports written before the move: a study's facts for the rules live in msvitd.facts.study."""

from msvitd.facts.study import ConceptStatus, StudyFacts, outcome_fact  # noqa: F401
