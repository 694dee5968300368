"""GRADE certainty of evidence per outcome: reviewer judgements used as given, the rest suggested and labelled."""
