"""A library of in-memory study and question models, for engine tests that need no files."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Entry:
    model: object


class Lib:
    def __init__(self, studies, questions):
        self.studies = {s.id: Entry(s) for s in studies}
        self.questions = {q.id: Entry(q) for q in questions}
