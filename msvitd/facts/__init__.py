"""What a study file says, read once, for every engine that compares an article with it.

Neutral ground between `critique` and `diff`: both import it, it imports neither.
- source.py   every number of the study file as a fact (value, unit, context words, cite, path)
- matcher.py  the one number matcher: what an article's number is, and whether the study agrees
- study.py    outcome status per concept (supported / null / not measured), the primary outcome
- scope.py    which sentences of an article are about this study, and which about another
- records.py  the matcher's rows (NumberRow, SourceRef)
"""
