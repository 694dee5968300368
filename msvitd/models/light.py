"""Light twins of the pydantic evidence models: what the engines read (issue 17).

A validated library is turned into these plain, slot-only, immutable objects (``lighten``) and the
library cache keeps them, so a warm run unpickles them without importing pydantic or building ~40
model classes (about a quarter of a warm ``critique``). Each twin has the pydantic class's name,
its fields in the same order, and the same methods and properties (both take them from
msvitd/models/behaviour.py); tests/models/test_light.py holds them equal field by field on every
bundled file. Validation (``validate``, ``new``, a cache miss) still goes through pydantic."""

from __future__ import annotations

from msvitd.models import behaviour as _b

# Bump when a twin changes shape in a way the library cache could not see in the code's files
# (the cache key also holds every package file's size and time: msvitd/app/library_cache.py).
FORMAT = 1


class Light:
    """Fields as slots, set once; equal when of the same class with equal fields (as a frozen model)."""

    __slots__ = ()

    def __init__(self, *values) -> None:
        for name, value in zip(self.__slots__, values, strict=True):
            object.__setattr__(self, name, value)

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen")

    __delattr__ = __setattr__

    def __eq__(self, other) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        # a frozen pydantic model hashes its field values the same way (lists make it unhashable there too)
        values = self._values()
        return hash(values[0] if len(values) == 1 else values)

    def __iter__(self):
        return iter(zip(self.__slots__, self._values()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self)})"

    def __str__(self) -> str:
        return " ".join(f"{k}={v!r}" for k, v in self)

    def __reduce__(self):
        return (type(self), self._values())

    # pydantic's two read-only helpers that code and tests use on a library's objects, with its meaning
    def model_dump(self, mode: str = "python") -> dict:
        """Every field as plain data (nested twins as dicts), as pydantic's ``model_dump()`` gives it."""
        return {k: _dump(v) for k, v in self}

    def model_copy(self, update: dict | None = None):
        """A copy with the fields in ``update`` replaced (not validated, as in pydantic)."""
        fields = dict(self)
        fields.update(update or {})
        return type(self)(*(fields[name] for name in self.__slots__))


def _dump(value):
    t = type(value)
    if t is list:
        return [_dump(v) for v in value]
    if t is tuple:
        return tuple(_dump(v) for v in value)
    if t is dict:
        return {k: _dump(v) for k, v in value.items()}
    return value.model_dump() if isinstance(value, Light) else value


# name: (fields in the pydantic class's order, behaviour mixin or None)
_TABLE = {
    "PValue": ("relation value", _b.PValueMethods),
    "Effect": ("measure estimate ci ci_level p arms adjusted_for method cite", _b.EffectMethods),
    "ArmResult": ("events total percent mean sd median iqr unit rate person_years change_mean change_sd "
                  "baseline_mean cite", None),
    "Source": ("id title url type note", None),
    "GradeJudgement": ("rating reason", None),
    "GradeJudgements": ("risk_of_bias inconsistency indirectness imprecision publication_bias upgrade", None),
    "Scale": ("name min max cite", None),
    "MinimalImportantDifference": ("value above value_above source cite", None),
    "PoolingOptions": ("tau2 hartung_knapp", None),
    "Citation": ("title authors journal year volume pages doi pmid pmcid registration published cite", None),
    "Period": ("start end", None),
    "Design": ("type randomised allocation blinding phase centres countries enrolment final_follow_up "
               "planned_follow_up duration_weeks therapy comparator_type analysis_population "
               "registered_primary_outcome target_sample_size visits mri_schedule cite", None),
    "Baseline": ("name value arm cite", None),
    "Population": ("condition description stage age inclusion exclusion exclusion_note setting enrolled "
                   "randomised analysed completed baseline cite", None),
    "Arm": ("id role label short_label agent dose unit route frequency daily_equivalent duration formulation "
            "co_treatments randomised analysed cite", None),
    "Outcome": ("id name role type measure better definition stands_for concepts timepoint follow_up_weeks arms "
                "effect effects significant p finding nnt thresholds grade prespecified scale mid cite", None),
    "ReportedNNT": ("value ci cite", None),
    "Thresholds": ("benefit harm reason", None),
    "Subgroup": ("id outcome variable finding favours prespecified interaction_p cite", _b.SubgroupMethods),
    "Harm": ("id name serious severe arms finding related_to_treatment cite", None),
    "Limitation": ("id text domain outcomes raised_by concepts cite", None),
    "RobDomain": ("judgement support cite", None),
    "RiskOfBias": ("tool assessed_by outcomes randomisation deviations missing_data measurement selection overall",
                   None),
    "Disclosure": ("who statement cite", None),
    "Funding": ("sources sponsor drug_supplier funder_role conflicts disclosures cite", None),
    "Discrepancy": ("about values used why cite", None),
    "Study": ("kind id name aliases citation sources design population arms outcomes subgroups harms limitations "
              "risk_of_bias funding conclusion discrepancies notes", _b.StudyMethods),
    "Quoted": ("quote", None),
    "NumberClaim": ("value unit quote fact", None),
    "PicoClaim": ("quote summary scope", None),
    "OutcomeClaim": ("quote outcome concept study direction strength numbers note", None),
    "LimitationClaim": ("quote limitation study", None),
    "Claims": ("population intervention comparator outcomes limitations", None),
    "Article": ("kind id title outlet author url date about text text_file claims notes", None),
    "OutcomeSource": ("study outcome harm arms note", _b.OutcomeSourceMethods),
    "QuestionOutcome": ("id name importance rank definition concepts from_studies note grade thresholds mid pool_as",
                        None),
    "Comparison": ("id label studies reason therapy comparator_type stages pooling", None),
    "StudyContext": ("study summary primary_met", None),
    "Excluded": ("name reason url", None),
    "Question": ("kind id title population intervention comparator setting outcomes comparisons context excluded "
                 "notes", _b.QuestionMethods),
}

CLASSES: dict[str, type] = {}
for _name, (_fields, _mixin) in _TABLE.items():
    # a module-level name and qualname, so that pickle finds each class again as msvitd.models.light.<name>
    CLASSES[_name] = globals()[_name] = type(_name, (_mixin, Light) if _mixin else (Light,),
                                             {"__slots__": tuple(_fields.split()), "__module__": __name__,
                                              "__qualname__": _name})


def lighten(value):
    """``value`` with every pydantic evidence model in it replaced by its light twin (lists, dicts and
    tuples rebuilt as such; anything else is kept)."""
    t = type(value)
    if t is list:
        return [lighten(v) for v in value]
    if t is tuple:
        return tuple(lighten(v) for v in value)
    if t is dict:
        return {k: lighten(v) for k, v in value.items()}
    if getattr(t, "__pydantic_fields__", None) is not None and t.__module__.startswith("msvitd.models."):
        cls = CLASSES[t.__name__]
        return cls(*(lighten(getattr(value, name)) for name in cls.__slots__))
    return value
