"""JSON Schema export of the evidence models."""

from __future__ import annotations

SCHEMA_ID = "https://msvitd.invalid/schema/evidence.json"


def json_schema(kind: str = "all") -> dict:
    from pydantic import TypeAdapter

    from msvitd.models import Article, EvidenceFile, Question, Study

    model = {"study": Study, "article": Article, "question": Question}.get(kind)
    schema = (model.model_json_schema(mode="validation") if model is not None
              else TypeAdapter(EvidenceFile).json_schema(mode="validation"))
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    schema.setdefault("title", "msvitd evidence file" if model is None else f"msvitd {kind} file")
    return schema
