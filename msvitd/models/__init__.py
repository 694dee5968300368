"""pydantic models of the evidence files; one module per kind of file.

The names below load pydantic on first use (module ``__getattr__``), so that importing a pydantic-free
submodule (msvitd/models/light.py, behaviour.py), as a warm run does, does not."""

from __future__ import annotations

KINDS = ("study", "article", "question")

_adapter = None


def evidence_adapter():
    global _adapter
    if _adapter is None:
        from pydantic import TypeAdapter

        from msvitd.models.study import Outcome

        # Outcome names classes defined after it: resolved here, where validation starts, not at import
        # (building its validator there cost every run that takes the library from the cache)
        Outcome.model_rebuild()
        _adapter = TypeAdapter(__getattr__("EvidenceFile"))
    return _adapter


def __getattr__(name: str):
    if name in ("Article", "Question", "Study"):
        import importlib

        return getattr(importlib.import_module(f"msvitd.models.{name.lower()}"), name)
    if name == "EvidenceFile":
        from typing import Annotated, Union

        from pydantic import Field

        from msvitd.models.article import Article
        from msvitd.models.question import Question
        from msvitd.models.study import Study

        value = Annotated[Union[Study, Article, Question], Field(discriminator="kind")]
        globals()[name] = value
        return value
    raise AttributeError(f"module 'msvitd.models' has no attribute {name!r}")


__all__ = ["Article", "Question", "Study", "EvidenceFile", "KINDS", "evidence_adapter"]
