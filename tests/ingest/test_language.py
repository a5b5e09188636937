"""The stop-word / script language detector."""

from __future__ import annotations

import pytest

from dyads.ingest.language import detect_language

SAMPLES = {
    "en": "The government said on Monday that it would not resign, and the opposition said it would keep "
          "protesting in the streets of the capital until new elections are called.",
    "de": "Die Regierung hat am Montag erklärt, dass sie nicht zurücktreten werde, und die Opposition kündigte "
          "an, dass sie weiter auf der Straße protestieren wird, bis es Neuwahlen gibt.",
    "fr": "Le gouvernement a déclaré lundi qu'il ne démissionnerait pas et l'opposition a annoncé qu'elle "
          "continuerait à manifester dans les rues de la capitale jusqu'à de nouvelles élections.",
    "es": "El gobierno dijo el lunes que no renunciaría y la oposición anunció que seguirá protestando en las "
          "calles de la capital hasta que se convoquen nuevas elecciones en el país.",
    "pt": "O governo disse na segunda-feira que não vai renunciar e a oposição anunciou que vai continuar a "
          "protestar nas ruas da capital até que sejam convocadas novas eleições no país.",
    "it": "Il governo ha detto lunedì che non si dimetterà e l'opposizione ha annunciato che continuerà a "
          "protestare nelle strade della capitale fino a quando non saranno indette nuove elezioni.",
    "ru": "Правительство заявило в понедельник, что не уйдёт в отставку, а оппозиция продолжит протесты.",
    "ar": "قالت الحكومة يوم الاثنين إنها لن تستقيل وإن المعارضة ستواصل الاحتجاج في شوارع العاصمة",
    "zh": "政府星期一表示不会辞职，反对派将继续在首都街头抗议，直到举行新的选举。",
    "ja": "政府は月曜日、辞任しないと述べ、野党は首都の街頭で抗議を続けると発表した。",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_detects_language(lang):
    assert detect_language(SAMPLES[lang]) == lang


def test_short_latin_text_defaults_to_english():
    assert detect_language("Der Präsident sagte") == "en"


def test_short_text_in_another_script_is_still_detected():
    assert detect_language("Президент заявил") == "ru"


def test_english_article_quoting_a_foreign_phrase_stays_english():
    text = SAMPLES["en"] + " Protesters chanted 'Wir sind das Volk' outside the parliament building on Tuesday."
    assert detect_language(text) == "en"
