"""JSON Schema export of the evidence models."""

from __future__ import annotations

SCHEMA_ID = "https://msvitd.invalid/schema/evidence.json"

# `not reported` / `NR`, any case, as models.common._not_reported accepts it (JSON Schema has no (?i)).
NOT_REPORTED = {"type": "string", "pattern": r"^\s*([Nn][Oo][Tt] [Rr][Ee][Pp][Oo][Rr][Tt][Ee][Dd]|[Nn][Rr])\s*$",
                "description": "Written out where the sources give no value."}


def _generator():
    from pydantic.json_schema import GenerateJsonSchema

    from msvitd.models import common

    class InputForms(GenerateJsonSchema):
        """Describe what a file may *write*, not only what the model holds after its before-validators:
        `not reported` for numbers, one string for a list (`cite: pmc, Table 2`), a P value as 0.004 or "<.001"."""

        def function_before_schema(self, schema):
            inner = super().function_before_schema(schema)
            fn = schema["function"]["function"]
            name = getattr(fn, "__qualname__", "")
            if fn is common._not_reported:
                return {"anyOf": [inner, NOT_REPORTED]}
            if fn is common._listify:
                return {"anyOf": [inner, {"type": "string", "minLength": 1}]}
            if name == "PValue._parse":
                return {"anyOf": [inner, {"type": "number", "minimum": 0, "maximum": 1},
                                  {"type": "string", "pattern": common._P.pattern}]}
            return inner

        def encode_default(self, dflt):
            # the models defer building (defer_build=True), so a default that is a model instance
            # (`claims: Claims = Claims()`) has no serializer until its class is built here
            from pydantic import BaseModel

            if isinstance(dflt, BaseModel):
                type(dflt).model_rebuild(force=True)
            return super().encode_default(dflt)

    return InputForms


def json_schema(kind: str = "all") -> dict:
    from msvitd.models import Article, Question, Study, evidence_adapter

    # evidence_adapter() also resolves Outcome's forward references, as validation does
    adapter = evidence_adapter()
    gen = _generator()
    model = {"study": Study, "article": Article, "question": Question}.get(kind)
    schema = (model.model_json_schema(mode="validation", schema_generator=gen) if model is not None
              else adapter.json_schema(mode="validation", schema_generator=gen))
    ci = schema.get("$defs", {}).get("Effect", {}).get("properties", {}).get("ci")
    if ci is not None:  # Effect._ci_nr accepts `ci: not reported` as a whole
        schema["$defs"]["Effect"]["properties"]["ci"] = {"anyOf": [ci, NOT_REPORTED]}
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    schema.setdefault("title", "msvitd evidence file" if model is None else f"msvitd {kind} file")
    return schema
