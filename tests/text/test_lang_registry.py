"""Every language msvitd reads provides the same data (pySBD/spaCy-style registry test)."""

import pytest

from msvitd.text.grammar import grammar
from msvitd.text.langdata import SUPPORTED, language_facts, lexicon_files
from msvitd.text.lexicon import load_lexicon

TABLES = ("hype", "hedges", "boosters", "causal", "negation", "outcomes", "disease_object", "populations",
          "comparisons", "other_agents", "intervention", "subgroups", "article", "advice", "detection", "settles")


@pytest.mark.parametrize("code", SUPPORTED)
def test_every_language_has_every_table(code):
    import yaml

    own = {}
    for path in lexicon_files(code):
        own.update(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert set(TABLES) <= set(own), set(TABLES) - set(own)


@pytest.mark.parametrize("code", SUPPORTED)
def test_every_language_names_the_shared_concepts_only(code):
    en, lex = load_lexicon(), load_lexicon((), code)
    assert set(lex.outcome_info) == set(en.outcome_info)
    assert set(lex.population_info) == set(en.population_info)
    for concept, info in lex.outcome_info.items():
        assert info == en.outcome_info[concept]  # kind and label are the shared vocabulary's
    assert set(lex.disease_verbs.values()) <= set(en.outcome_info)


@pytest.mark.parametrize("code", SUPPORTED)
def test_every_language_has_its_facts(code):
    facts = language_facts(code)
    raw_keys = set(language_facts("en")["grammar"])
    assert facts["code"] == code and facts["name"]
    assert len(facts["detect"]["stopwords"]) >= 30
    assert raw_keys <= set(facts["grammar"])
    assert facts["sentences"]["abbreviations"]
    g = grammar(code)
    assert g.boundary.pattern and g.code == code


@pytest.mark.parametrize("code", ("fr", "de", "es"))
def test_other_languages_write_their_own_grammar(code):
    """A language must not silently borrow English grammar words (the fallback is for safety)."""
    import yaml

    from msvitd.text.langdata import LANG_DIR

    own = yaml.safe_load((LANG_DIR / code / "language.yaml").read_text(encoding="utf-8"))
    assert set(language_facts("en")["grammar"]) <= set(own["grammar"])
    assert own["numbers"]["decimal_mark"] == ","
