"""The stages of reading one sentence, in order (text/reading.py runs them):

cues -> clauses -> scope (negation, hypotheses, questions) -> strength -> claims -> direction.

Each stage reads the language's lexicon (text/lexicon.py) and grammar words (text/grammar.py);
none contains a word of any language.
"""
