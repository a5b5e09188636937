"""find_counts: numbers of items, with the conventions for vague and formation counts."""

from __future__ import annotations

import pytest

from dyads.quantities import find_counts

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}


def counts(sentence: str) -> list[tuple[float, str | None, bool]]:
    return [(q.value, q.unit, q.approximate) for q in find_counts(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Serbia signed a deal for 12 Rafale jets on Thursday.", [(12, "Rafale jets", False)]),
        ("Pakistan has ordered 25 J-10C fighters from China.", [(25, "J-10C fighters", False)]),
        ("The navy received a dozen helicopters last year.", [(12, "helicopters", False)]),
        ("Rebels launched dozens of drones at the airport.", [(24, "drones", True)]),
        ("India is buying two squadrons from Moscow.", [(2, "squadron", True)]),
        ("India is buying five S-400 squadrons.", [(5, "squadron", True)]),
        ("Athens may buy up to 40 F-35 fighters.", [(40, "F-35 fighters", True)]),
        ("Yerevan ordered 36 CAESAR howitzers.", [(36, "CAESAR howitzers", False)]),
        ("Russia fired hundreds of missiles at power plants.", [(200, "missiles", True)]),
        ("Paris will sell 36 Caesar 155 mm self-propelled howitzers to Armenia.",
         [(36, "Caesar 155 mm self-propelled howitzers", False)]),
        ("More than 130 drones were launched overnight.", [(130, "drones", True)]),
        ("Ukraine needs at least ten more Patriot systems.", [(10, "Patriot systems", True)]),
        ("Berlin will pay for two Patriot air defence batteries.", [(2, "battery", True)]),
        ("The air force flies about three dozen Chinese-built F-7 fighters and eight Russian MiG-29s.",
         [(36, "Chinese-built F-7 fighters", True), (8, "Russian MiG-29s", False)]),
        ("Cairo would not take delivery of the roughly two dozen aircraft.", [(24, "aircraft", True)]),
        ("The kits will modernise 79 of the air force's existing F-16s.", [(79, "air force's existing F-16s", False)]),
        ("Kyiv received 1,000 rounds of ammunition.", [(1000, "rounds of ammunition", False)]),
        ("Seoul will ship 1.5 million rounds to Warsaw.", [(1.5e6, "rounds", False)]),
        ("Russia fired tens of thousands of shells a day.", [(20000, "shells", True)]),
        ("The navy has one submarine left.", [(1, "submarine", False)]),
        ("The army bought twenty-five tanks and two hundred missiles.",
         [(25, "tanks", False), (200, "missiles", False)]),
        ("Manila will buy two or three frigates.", [(2.5, "frigates", True)]),
        ("Between 30 and 40 drones hit the city.", [(35, "drones", True)]),
        ("The rebels fired 30-40 drones.", [(35, "drones", True)]),
        ("Qatar ordered 12 Mirage 2000 jets.", [(12, "Mirage 2000 jets", False)]),
        ("Belgrade buys 12 Rafale for 2.7 billion euros.", [(12, "Rafale", False)]),
        ("At least two people were killed.", [(2, "people", True)]),
        ("The first four launchers arrived.", [(4, "launchers", False)]),
        ("Athens bought a couple of frigates.", [(2, "frigates", True)]),
        ("Lima received half a dozen tanks.", [(6, "tanks", False)]),
        ("Gunners fired thousands of rounds of ammunition.", [(2000, "rounds of ammunition", True)]),
        ("Madrid sent 100 Leopard 2 tanks.", [(100, "Leopard 2 tanks", False)]),
        ("Egypt ordered 30 additional Rafale jets.", [(30, "Rafale jets", False)]),
        ("The army keeps 3 dozen tanks in reserve.", [(36, "tanks", False)]),
        ("Some 2,000 troops crossed the border.", [(2000, "troops", True)]),
        ("Washington approved the sale of 40 F-16 fighter jets to Turkey.", [(40, "F-16 fighter jets", False)]),
        ("Poland ordered 96 Apache helicopters.", [(96, "Apache helicopters", False)]),
        ("Scores of tanks were destroyed.", [(40, "tanks", True)]),
        ("Millions of rounds were fired.", [(2e6, "rounds", True)]),
        ("Hundreds of thousands of shells are needed.", [(200000, "shells", True)]),
        ("Seoul sold 48 K9 Thunder howitzers to Oslo.", [(48, "K9 Thunder howitzers", False)]),
        ("The deal covers 25 aircraft and spare engines.", [(25, "aircraft", False)]),
        ("The U.S. will provide 31 M1 Abrams tanks.", [(31, "M1 Abrams tanks", False)]),
        ("India ordered 97 Tejas Mk1A jets.", [(97, "Tejas Mk1A jets", False)]),
        ("Kyiv has 20 HIMARS and 3 NASAMS.", [(20, "HIMARS", False), (3, "NASAMS", False)]),
        ("Poland Buys 96 Apache Helicopters In $12 Billion Deal", [(96, "Apache Helicopters", False)]),
        ("PAKISTAN ORDERS 25 J-10C FIGHTERS", [(25, "J-10C FIGHTERS", False)]),
    ],
)
def test_count_forms(sentence: str, expected: list[tuple[float, str, bool]]) -> None:
    assert counts(sentence) == [(float(v), u, a) for v, u, a in expected]


def test_text_keeps_hedge_and_number_words() -> None:
    [q] = find_counts("Greece may buy up to 40 F-35 fighters.")
    assert q.text == "up to 40 F-35 fighters"
    [q] = find_counts("Navy received a dozen helicopters.")
    assert q.text == "a dozen helicopters"
    assert q.kind == "count"


@pytest.mark.parametrize(
    "sentence",
    [
        "The contract was signed in 2018.",
        "The 2018 contract covered spare parts.",
        "On March 23 the jets arrived.",
        "The jets arrived on 23 March.",
        "Inflation rose 11.5 percent, or 45%, and rates rose 2 per cent.",
        "Call +1 202 555 0143 or (202) 555-0143 for details.",
        "Pakistan flies F-16s and Russia flies Su-35s.",
        "A 45-year-old pilot, aged 45, was 45 years old.",
        "Kyiv needs more 155 mm shells and 155mm rounds.",
        "The package is worth $700 million.",
        "Ankara paid 2.7 billion euros.",
        "The meeting starts at 10:30 am.",
        "The F-16 Block 70 is the newest version.",
        "Resolution 2231 was adopted in 2015.",
        "Officials said 20 killed in attacks, 12 wounded.",
        "Talks lasted two days; the ceasefire held for three weeks.",
        "The border is 50 km away, about 30 miles.",
        "He is one of the largest buyers.",
        "Temperatures reached 38 degrees.",
        "Airlines fly the Boeing 737 jets.",
    ],
)
def test_not_counts(sentence: str) -> None:
    assert find_counts(sentence) == []


def test_every_number_word_counts_tanks() -> None:
    for word, value in WORDS.items():
        noun = "tank" if value == 1 else "tanks"
        assert counts(f"Officials said {word} {noun} were sent.") == [(float(value), noun, False)], word


def test_compound_number_words() -> None:
    for tens, t in (("twenty", 20), ("forty", 40), ("ninety", 90)):
        for unit, u in (("one", 1), ("five", 5), ("nine", 9)):
            assert counts(f"The navy bought {tens}-{unit} drones.") == [(float(t + u), "drones", False)]
    assert counts("They sent three hundred trucks.") == [(300.0, "trucks", False)]
    assert counts("They sent two thousand rifles.") == [(2000.0, "rifles", False)]
    assert counts("They sent a hundred rifles.") == [(100.0, "rifles", False)]


def test_years_are_never_counts() -> None:
    for year in range(1900, 2101):
        for sentence in (f"It happened in {year}.", f"The {year} contract was cancelled.", f"Since {year} jets flew."):
            assert find_counts(sentence) == [], sentence


def test_dates_are_never_counts() -> None:
    for month in ("January", "March", "May", "June", "August", "December", "Jan", "Sept"):
        for day in (1, 6, 12, 23, 31):
            for sentence in (f"On {month} {day} the deal was signed.", f"On {day} {month} the deal was signed."):
                assert find_counts(sentence) == [], sentence


def test_percentages_and_measures_are_never_counts() -> None:
    for n in (2, 15, 45, 100):
        for unit in ("percent", "per cent", "%", "km", "miles", "tonnes", "mm", "degrees", "years", "days"):
            sentence = f"It grew by {n} {unit} last year." if unit != "%" else f"It grew by {n}% last year."
            assert find_counts(sentence) == [], sentence


def test_phone_numbers_are_never_counts() -> None:
    for number in ("+44 20 7946 0958", "(212) 555-0143", "020 7946 0958", "+1 202 555 0143", "555-0143"):
        assert find_counts(f"Call {number} for tickets.") == [], number


def test_designation_numbers_are_never_counts() -> None:
    for name in ("F-16s", "Su-35s", "MiG-29s", "S-400s", "Mirage 2000", "Type 209", "PzH 2000", "Leopard 2"):
        assert find_counts(f"The air force showed its {name} at the parade.") == [], name


def test_formations_are_approximate_and_named_by_the_formation() -> None:
    for word, unit in (("squadrons", "squadron"), ("batteries", "battery"), ("battalions", "battalion"),
                       ("regiments", "regiment"), ("brigades", "brigade")):
        assert counts(f"Moscow will send three {word} next year.") == [(3.0, unit, True)], word
