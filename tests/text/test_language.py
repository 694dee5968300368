"""Which language a text is in (sentences written for these tests)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msvitd.text.language import (UnreadLanguage, choose_language, detect_language, sentence_language,
                                  using_language)

SAMPLES = {
    "en": "The trial found that people who took the supplement had fewer new lesions on their scans.",
    "fr": "L'essai montre que les patients qui prenaient le complément avaient moins de nouvelles lésions.",
    "de": "Die Studie zeigt, dass die Patienten mit dem Präparat weniger neue Läsionen hatten als die anderen.",
    "es": "El ensayo muestra que los pacientes que tomaron el suplemento tuvieron menos lesiones nuevas.",
    "it": "Lo studio mostra che i pazienti che hanno preso il supplemento avevano meno lesioni nella risonanza.",
    "pt": "O estudo mostra que os pacientes que tomaram o suplemento tiveram menos lesões na ressonância.",
    "nl": "Het onderzoek toont aan dat de patiënten die het supplement namen minder nieuwe laesies hadden.",
    "zh": "研究显示，服用补充剂的患者新病灶更少。",
    "ru": "Исследование показало, что у пациентов, принимавших добавку, было меньше новых очагов.",
    "ja": "この研究では、サプリメントを服用した患者は新しい病変が少なかった。",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_detects_each_language(code):
    guess = detect_language(SAMPLES[code])
    assert guess.code == code
    assert guess.supported == (code in ("en", "fr", "de", "es"))


def test_vitamin_d_is_not_french():
    assert detect_language("Vitamin D and MS: what the new trial of vitamin D shows").code == "en"


def test_too_little_text_is_undetermined():
    for text in ("", "   ", "MS", "25(OH)D < 100 nmol/L", "12 345"):
        assert detect_language(text).code is None


def test_choose_language_refuses_unread_languages_in_one_line():
    with pytest.raises(UnreadLanguage) as exc:
        choose_language(SAMPLES["it"])
    assert "Italian" in str(exc.value) and "--lang" in str(exc.value) and "\n" not in str(exc.value)
    assert choose_language(SAMPLES["it"], "fr")[0] == "fr"
    assert choose_language("")[0] == "en"


def test_forced_language_wins():
    with using_language("de"):
        assert detect_language(SAMPLES["fr"]).code == "de"
    assert detect_language(SAMPLES["fr"]).code == "fr"


def test_a_sentence_switches_only_when_clearly_in_another_language():
    assert sentence_language(SAMPLES["en"], "fr") == "en"
    assert sentence_language("Vitamine D.", "en") == "en"
    assert sentence_language(SAMPLES["it"], "fr") == "fr"  # not a language msvitd reads


@given(st.text(max_size=400))
def test_detection_never_raises(text):
    guess = detect_language(text)
    assert guess.code is None or isinstance(guess.code, str)
