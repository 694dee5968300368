"""pydantic models of the evidence files; one module per kind of file."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field, TypeAdapter

from msvitd.models.article import Article
from msvitd.models.question import Question
from msvitd.models.study import Study

EvidenceFile = Annotated[Union[Study, Article, Question], Field(discriminator="kind")]
KINDS = ("study", "article", "question")

_adapter: TypeAdapter | None = None


def evidence_adapter() -> TypeAdapter:
    global _adapter
    if _adapter is None:
        from msvitd.models.study import Outcome

        # Outcome names classes defined after it: resolved here, where validation starts, not at import
        # (building its validator there cost every run that takes the library from the cache)
        Outcome.model_rebuild()
        _adapter = TypeAdapter(EvidenceFile)
    return _adapter


__all__ = ["Article", "Question", "Study", "EvidenceFile", "KINDS", "evidence_adapter"]
