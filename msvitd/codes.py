"""Permanent codes for problems found while loading and validating evidence files.

Y0xx: reading the file and its YAML.  S1xx: the schema (types, fields).  S2xx: checks across
fields and across files.  D1xx: the diff's PICO verdicts, D2xx its number verdicts, D3xx the
source checked against itself.  Critique rules (C…) live in msvitd/rules/ (one module each).
A code, once published, is never reused for another meaning.
"""

from __future__ import annotations

from typing import NamedTuple

from msvitd.diagnostics import Diagnostic, Severity


class Code(NamedTuple):
    name: str
    severity: Severity
    summary: str


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

CODES: dict[str, Code] = {
    # --- reading and YAML --------------------------------------------------------------
    "Y001": Code("yaml-syntax", E, "The file is not well-formed YAML."),
    "Y002": Code("duplicate-key", E, "A key appears twice in one mapping; YAML tools silently keep the last one."),
    "Y003": Code("alias", E, "Anchors and aliases are refused: they have no use in evidence and allow 'billion laughs' files."),
    "Y004": Code("too-large", E, "The file exceeds a size, nesting or node limit."),
    "Y005": Code("tag", E, "An explicit YAML tag other than the plain core types (e.g. !!python/object, !!binary)."),
    "Y006": Code("multiple-documents", E, "More than one YAML document in a file."),
    "Y007": Code("encoding", E, "The file is not UTF-8 text (binary data, NUL bytes, invalid bytes)."),
    "Y008": Code("empty-file", E, "The file holds no data."),
    "Y009": Code("root-not-mapping", E, "The top level of an evidence file must be a mapping with a `kind:` key."),
    "Y010": Code("complex-key", E, "A mapping key that is not a plain scalar."),
    "Y011": Code("unreadable", E, "The file cannot be read (missing, a directory, permissions, a symlink loop)."),
    "Y012": Code("ambiguous-scalar", W, "An unquoted value that YAML 1.1 tools read as a date or a sexagesimal number."),
    "Y013": Code("yaml11-boolean", E, "An unquoted yes/no/on/off (any case): text here, a boolean to YAML 1.1 tools."),
    # --- schema ------------------------------------------------------------------------
    "S101": Code("missing-field", E, "A required field is missing."),
    "S102": Code("unknown-field", E, "A key the format does not define (often a typo)."),
    "S103": Code("wrong-type", E, "A value of the wrong type."),
    "S104": Code("invalid-value", E, "A value outside the allowed choices or range."),
    "S105": Code("unknown-kind", E, "`kind:` is missing or names no known kind of evidence file."),
    # --- checks across fields and files -------------------------------------------------
    "S201": Code("ci-excludes-estimate", E, "A confidence interval that is misordered or does not contain its estimate."),
    "S202": Code("events-exceed-total", E, "More events than participants."),
    "S203": Code("percent-mismatch", E, "A percentage that does not agree with its counts within rounding."),
    "S204": Code("p-ci-mismatch", W, "A reported P value that does not agree with its confidence interval (statcheck-style recomputation)."),
    "S205": Code("duplicate-id", E, "An id used twice (within a file or across the library)."),
    "S206": Code("dangling-reference", E, "A reference to a study, outcome, arm or source that does not exist."),
    "S207": Code("quote-not-in-text", E, "An article quote that does not occur verbatim in the article's text."),
    "S208": Code("text-file", E, "An article's text file is missing or unreadable."),
    "S209": Code("arm-totals", E, "Per-arm numbers that disagree with each other (analysed > randomised, sums)."),
    "S210": Code("significance-mismatch", W, "`significant:` disagrees with the reported P value or confidence interval."),
    "S211": Code("uncited-number", E, "A number (count, percentage, estimate, CI, P value, dose...) whose block has no `cite:`."),
    "S212": Code("uncited-block", E, "A block that states what a source says (outcome, arm, harm, limitation...) with no `cite:`."),
    "S213": Code("template-todo", W, "A TODO left from a `msvitd new` template (an error with --strict)."),
    "S230": Code("grade-contradicts-handbook", W, "A GRADE imprecision judgement less severe than the handbook's rule for the reported interval (summarize applies the rule)."),
    # --- diff: the article against its study (msvitd diff) ----------------------------------
    "D101": Code("narrower", I, "The article describes a narrower population, intervention or outcome than the study's."),
    "D102": Code("broader", W, "The article carries the result to a broader group or setting than the study's."),
    "D103": Code("different", W, "The article says something other than the study about a PICO element or outcome."),
    "D104": Code("omitted", W, "The article leaves out an element a reader needs (dose, comparator, a null outcome)."),
    "D105": Code("unsupported", E, "The article claims a result the study does not support."),
    "D201": Code("number-mismatch", E, "A number in the article differs from the study's beyond rounding."),
    "D202": Code("number-unverified", I, "A number msvitd could not find in the study, directly or derived."),
    "D301": Code("source-inconsistent", W, "The study's own numbers disagree (percent vs counts, P vs CI, NNT, arm totals)."),
}
# The diff's verdict words and the codes they are reported under; "same", "match", "rounded" and
# "derived" agree with the study and emit nothing.
DIFF_CODES = {("pico", "narrower"): "D101", ("pico", "broader"): "D102", ("pico", "different"): "D103",
              ("pico", "omitted"): "D104", ("pico", "unsupported"): "D105",
              ("number", "mismatch"): "D201", ("number", "unverified"): "D202"}


def make(code: str, message: str, file: str, line: int = 0, column: int = 0, path: str = "",
         severity: Severity | None = None) -> Diagnostic:
    """Build a diagnostic for a catalogued code, with its default severity."""
    return Diagnostic(code, severity or CODES[code].severity, message, file, line, column, path)
