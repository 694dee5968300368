"""The Summary of Findings as plain frozen dataclasses (what renderers read; no rendering here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from msvitd.grading.certainty import Certainty


@dataclass(frozen=True)
class Relative:
    """A relative effect as shown: who gave it (the source, or msvitd from counts) and how."""

    measure: str
    estimate: float
    lo: Optional[float]
    hi: Optional[float]
    p: Optional[str] = None
    by: str = "source"  # "source" | "msvitd" | "pooled"
    method: Optional[str] = None


@dataclass(frozen=True)
class ArmFigure:
    arm: str
    label: str
    events: Optional[int]
    total: Optional[int]
    risk: Optional[float]  # 0..1
    risk_note: Optional[str] = None  # e.g. "events back-calculated from 21.8% of 147"
    text: Optional[str] = None  # means / medians as printed: "median 432 days"
    percent: Optional[float] = None  # the percentage as the source printed it


@dataclass(frozen=True)
class Absolute:
    """GRADE anticipated absolute effects per 1000."""

    comparator: float
    intervention: float
    difference: float
    lo: Optional[float]
    hi: Optional[float]
    basis: str


@dataclass(frozen=True)
class NNTFigure:
    kind: str  # benefit | harm | none
    value: float
    lo: Optional[float]
    hi: Optional[float]
    crosses: bool
    benefit_bound: Optional[float]
    harm_bound: Optional[float]
    by: str  # "source" or "msvitd"
    method: str
    reproduced: Optional[bool] = None  # for a reported NNT: does msvitd's computation give the same figure?
    note: Optional[str] = None


@dataclass(frozen=True)
class ForestRow:
    label: str
    estimate: float
    lo: float
    hi: float
    weight: Optional[float]  # percent (random effects)
    weight_fixed: Optional[float] = None
    pooled: bool = False
    participants: Optional[int] = None
    by: str = "source"  # "source" | "msvitd" (computed from counts, or inverted) | "pooled"


@dataclass(frozen=True)
class Forest:
    """A forest plot. Without a pooled estimate (``pooled`` None, ``model`` "not pooled") it shows each
    study's estimate side by side and the heterogeneity fields are None."""

    outcome: str
    measure: str
    rows: tuple[ForestRow, ...]
    model: str = "not pooled"
    tau2_method: Optional[str] = None
    i2: Optional[float] = None
    tau2: Optional[float] = None
    q: Optional[float] = None
    q_df: Optional[int] = None
    q_p: Optional[float] = None
    fixed: Optional[ForestRow] = None
    pooled: Optional[ForestRow] = None  # random effects
    pi_lo: Optional[float] = None
    pi_hi: Optional[float] = None
    note: Optional[str] = None  # e.g. why the studies are not pooled, or that higher is better


@dataclass(frozen=True)
class Row:
    """One outcome of the Summary of Findings table."""

    outcome_id: str
    name: str
    role: str  # primary, secondary, ... or critical / important for a question
    follow_up: Optional[str]
    participants: Optional[int]
    studies: int
    study_ids: tuple[str, ...]
    outcome_type: str
    stands_for: Optional[str]
    relative: Optional[Relative]
    arms: tuple[ArmFigure, ...]
    absolute: Optional[Absolute]
    nnt: Optional[NNTFigure]
    certainty: Certainty
    statement: str
    finding: Optional[str]
    footnotes: tuple[int, ...] = ()  # indexes into Table.footnotes (1-based)
    forest: Optional[Forest] = None
    notes: tuple[str, ...] = ()
    refused: Optional[str] = None  # why studies were not pooled
    computed: tuple[Relative, ...] = ()  # msvitd's own RR, OR and RD from the counts, to cross-check the source
    level: str = "body"  # "body": the outcome (one study, or several); "study": one study under a body row
    members: tuple["Row", ...] = ()  # the per-study rows under a body row of several studies
    gaps: tuple[str, ...] = ()  # what msvitd cannot compute for this row, and why
    study_name: Optional[str] = None  # for a row of one study
    measured: Optional[str] = None  # the study's own outcome name, when it differs from the row's name
    better: str = "lower"  # which way is good for the measured outcome
    absolute_note: Optional[str] = None  # why no absolute effect is shown although risks are known
    participants_partial: bool = False  # some studies do not give their participants (the sum is a minimum)
    # The source's own verdict and the direction of the arms' figures, for outcomes without an interval
    # (what the overview and "At a glance" say was or was not different).
    significant: Optional[bool] = None
    direction: Optional[str] = None  # "decrease" | "increase"
    # A reported NNT, kept when the table shows the one that matches its absolute effect instead.
    nnt_reported: Optional[NNTFigure] = None
    importance: Optional[str] = None  # critical | important | not_important, when a question rates the outcome


@dataclass(frozen=True)
class ContextLine:
    """One of the question's context lines: what one trial found, in one line."""

    study: str
    name: str
    summary: str
    primary_met: Optional[bool]


@dataclass(frozen=True)
class Table:
    """One Summary of Findings table: one comparison."""

    id: str
    title: str
    population: str
    setting: Optional[str]
    intervention: str
    comparator: str
    rows: tuple[Row, ...]
    footnotes: tuple[str, ...]
    kind: str = "study"  # study | question
    notes: tuple[str, ...] = ()
    context: tuple[ContextLine, ...] = ()  # question tables: what each trial of the comparison found
    # Footnotes of the per-study rows under a body row (Row.members index into these, shown as S1, S2...);
    # ``footnotes`` holds those of the rows in ``rows`` only.
    study_footnotes: tuple[str, ...] = ()
    plots: tuple[Forest, ...] = ()  # forest plots of estimates not pooled (pooled ones are on their row)
    subject: Optional[str] = None  # the intervention as the statements name it ("Vitamin D")


@dataclass(frozen=True)
class Summary:
    tables: tuple[Table, ...] = field(default_factory=tuple)


# ------------------------------------------------------------------------------ the overview
@dataclass(frozen=True)
class Finding:
    """What one study found for one outcome, without the numbers: the overview's and the glance's words."""

    outcome: str  # the outcome's short name
    verdict: str  # "lower" | "higher" | "differed" | "no_difference" | "no_result"
    patient_important: bool  # a clinical outcome or harm (not a surrogate or a composite)
    primary: bool = False
    relative: Optional[Relative] = None


@dataclass(frozen=True)
class StudyLine:
    """One study in the overview: what it found and what it did not."""

    id: str
    name: str
    intervention: str  # as the rows' statements name it ("Vitamin D")
    findings: tuple[Finding, ...]
    primary_met: Optional[bool] = None


@dataclass(frozen=True)
class Block:
    """One comparison of a question, or one study that no question covers: its first rows, critical first."""

    id: str  # what to type for the full table: `msvitd summarize ID`
    title: str
    kind: str  # "comparison" | "study"
    rows: tuple[Row, ...]
    hidden: tuple[str, ...]  # the outcomes of the full table not shown here
    studies: tuple[StudyLine, ...]
    absent: tuple[str, ...] = ()  # outcomes of the question no study in the comparison reports


@dataclass(frozen=True)
class QuestionGroup:
    id: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Overview:
    """What `msvitd summarize` shows with no argument: every question's comparisons, then every study that
    no question covers, each study once."""

    questions: tuple[QuestionGroup, ...]
    studies: tuple[Block, ...]
    tables: int  # how many full tables there are (what --full prints: the questions' and every study's)
