"""find_weapons: designations, variants, generic terms, calibres and the ambiguity rule."""

from __future__ import annotations

import re

import pytest

from dyads.quantities import find_weapons
from dyads.quantities._lexicon import (
    CATEGORIES,
    _system_rows,
    load_lexicon,
    plural_forms,
)


def names(sentence: str) -> list[str]:
    return [w.name for w in find_weapons(sentence)]


# (sentence, canonical name, category, producer): one sentence per family the brief lists, in its order.
FAMILIES = [
    ("Russian Su-25 jets attacked the village.", "Su-25", "combat aircraft", "RUS"),
    ("Two Su-27 fighters intercepted the drone.", "Su-27", "combat aircraft", "RUS"),
    ("India will upgrade its Su-30MKI fleet.", "Su-30", "combat aircraft", "RUS"),
    ("A Su-34 bomber crashed near Voronezh.", "Su-34", "combat aircraft", "RUS"),
    ("Iran is waiting for its Su-35 jets.", "Su-35", "combat aircraft", "RUS"),
    ("Moscow offered the Su-57 to Algeria.", "Su-57", "combat aircraft", "RUS"),
    ("Serbia flies MiG-29 jets.", "MiG-29", "combat aircraft", "RUS"),
    ("A MiG-31 carried the missile.", "MiG-31", "combat aircraft", "RUS"),
    ("Kabul received Mi-17 helicopters.", "Mi-8", "helicopters", "RUS"),
    ("Nigeria bought Mi-35 gunships.", "Mi-24", "helicopters", "RUS"),
    ("A Mi-28 attack helicopter was shot down.", "Mi-28", "helicopters", "RUS"),
    ("Egypt operates Ka-52 helicopters.", "Ka-52", "helicopters", "RUS"),
    ("Hanoi ordered more T-72 tanks.", "T-72", "tanks", "RUS"),
    ("Vietnam received its first T-90 tanks.", "T-90", "tanks", "RUS"),
    ("Troops rode BMP-2 vehicles.", "BMP-2", "armoured vehicles", "RUS"),
    ("Indonesia ordered BMP-3F amphibious vehicles.", "BMP-3", "armoured vehicles", "RUS"),
    ("A BTR-82A was destroyed.", "BTR-80", "armoured vehicles", "RUS"),
    ("Syria still uses the S-300 system.", "S-300", "air defence", "RUS"),
    ("India deployed the S-400 Triumf.", "S-400", "air defence", "RUS"),
    ("Russia is testing the S-500.", "S-500", "air defence", "RUS"),
    ("A Pantsir-S1 battery was hit.", "Pantsir", "air defence", "RUS"),
    ("A Tor-M2 launcher was destroyed.", "Tor", "air defence", "RUS"),
    ("Separatists fired a Buk missile.", "Buk", "air defence", "RUS"),
    ("Hezbollah used Kornet anti-tank missiles.", "Kornet", "missiles", "RUS"),
    ("Russia moved Iskander-M launchers west.", "Iskander", "missiles", "RUS"),
    ("A warship fired Kalibr cruise missiles.", "Kalibr", "missiles", "RUS"),
    ("The army used TOS-1A launchers.", "TOS-1", "MLRS", "RUS"),
    ("Gunners fired BM-21 Grad rockets.", "BM-21 Grad", "MLRS", "RUS"),
    ("A Smerch launcher fired on the town.", "BM-30 Smerch", "MLRS", "RUS"),
    ("Russia used Tornado-S rocket launchers.", "Tornado-S", "MLRS", "RUS"),
    ("Bombers launched Kh-101 missiles.", "Kh-101", "missiles", "RUS"),
    ("Russia fired a Kinzhal hypersonic missile.", "Kinzhal", "missiles", "RUS"),
    ("The frigate carries Zircon missiles.", "Zircon", "missiles", "RUS"),
    ("Taiwan will buy F-16V jets.", "F-16", "combat aircraft", "USA"),
    ("Qatar ordered F-15QA jets.", "F-15", "combat aircraft", "USA"),
    ("Poland ordered 32 F-35A jets.", "F-35", "combat aircraft", "USA"),
    ("Finland replaced its F/A-18 Hornets.", "F/A-18", "combat aircraft", "USA"),
    ("The F-22 Raptor is not for export.", "F-22", "combat aircraft", "USA"),
    ("Kyiv asked for A-10 attack aircraft.", "A-10", "combat aircraft", "USA"),
    ("A C-130J landed in Kabul.", "C-130", "transport aircraft", "USA"),
    ("Warsaw ordered 96 AH-64E Apache helicopters.", "AH-64 Apache", "helicopters", "USA"),
    ("Riga bought UH-60M Black Hawk helicopters.", "UH-60 Black Hawk", "helicopters", "USA"),
    ("Berlin ordered CH-47F Chinook helicopters.", "CH-47 Chinook", "helicopters", "USA"),
    ("Canberra bought M1A2 Abrams tanks.", "M1 Abrams", "tanks", "USA"),
    ("Kyiv received Bradley fighting vehicles.", "M2 Bradley", "armoured vehicles", "USA"),
    ("Washington sent Stryker armoured vehicles.", "Stryker", "armoured vehicles", "USA"),
    ("Soldiers drove Humvees to the front.", "HMMWV", "armoured vehicles", "USA"),
    ("Ottawa sent M777 howitzers.", "M777", "artillery", "USA"),
    ("Taiwan ordered M109A7 Paladin howitzers.", "M109 Paladin", "artillery", "USA"),
    ("Kyiv used HIMARS to strike depots.", "HIMARS", "MLRS", "USA"),
    ("London sent M270 MLRS launchers.", "M270", "MLRS", "USA"),
    ("Washington approved ATACMS for Kyiv.", "ATACMS", "missiles", "USA"),
    ("HIMARS fire GMLRS rockets.", "GMLRS", "missiles", "USA"),
    ("Germany sent a Patriot battery.", "Patriot", "air defence", "USA"),
    ("Kyiv received NASAMS launchers.", "NASAMS", "air defence", "NOR"),
    ("Seoul hosts a THAAD battery.", "THAAD", "air defence", "USA"),
    ("Rebels fired Stinger missiles.", "Stinger", "missiles", "USA"),
    ("Kyiv received Javelin anti-tank missiles.", "Javelin", "missiles", "USA"),
    ("Rebels fired TOW missiles.", "TOW", "missiles", "USA"),
    ("Denmark sent Harpoon anti-ship missiles.", "Harpoon", "missiles", "USA"),
    ("Destroyers fired Tomahawk cruise missiles.", "Tomahawk", "missiles", "USA"),
    ("Drones carried Hellfire missiles.", "Hellfire", "missiles", "USA"),
    ("India leased MQ-9B drones.", "MQ-9 Reaper", "drones", "USA"),
    ("An MQ-1 Predator was lost.", "MQ-1 Predator", "drones", "USA"),
    ("Kyiv received Switchblade 600 drones.", "Switchblade", "drones", "USA"),
    ("Athens ordered Rafale F4 jets.", "Rafale", "combat aircraft", "FRA"),
    ("Taipei flies Mirage 2000-5 jets.", "Mirage 2000", "combat aircraft", "FRA"),
    ("Yerevan bought CAESAR howitzers.", "CAESAR", "artillery", "FRA"),
    ("Amman retired its Leclerc tanks.", "Leclerc", "tanks", "FRA"),
    ("Buenos Aires fired Exocet missiles.", "Exocet", "missiles", "FRA"),
    ("Paris sent SCALP missiles.", "SCALP/Storm Shadow", "missiles", "FRA"),
    ("London sent Storm Shadow missiles.", "SCALP/Storm Shadow", "missiles", "FRA"),
    ("The Rafale carries the Meteor missile.", "Meteor", "missiles", "GBR"),
    ("The frigate fired Aster 30 missiles.", "Aster", "missiles", "FRA"),
    ("Rome sent a SAMP/T battery.", "SAMP/T", "air defence", "FRA"),
    ("Manila wants Scorpène submarines.", "Scorpène", "submarines", "FRA"),
    ("Ankara wants Eurofighter Typhoon jets.", "Eurofighter Typhoon", "combat aircraft", "DEU"),
    ("Warsaw received Leopard 2A4 tanks.", "Leopard 2", "tanks", "DEU"),
    ("Berlin sent Leopard 1A5 tanks.", "Leopard 1", "tanks", "DEU"),
    ("Gepard anti-aircraft guns protect the port.", "Gepard", "air defence", "DEU"),
    ("Berlin sent IRIS-T SLM systems.", "IRIS-T", "air defence", "DEU"),
    ("Berlin refuses to send Taurus missiles.", "Taurus", "missiles", "DEU"),
    ("The Netherlands sent PzH 2000 howitzers.", "PzH 2000", "artillery", "DEU"),
    ("Doha ordered Boxer armoured vehicles.", "Boxer", "armoured vehicles", "DEU"),
    ("London sent Challenger 2 tanks.", "Challenger 2", "tanks", "GBR"),
    ("London sent AS-90 howitzers.", "AS-90", "artillery", "GBR"),
    ("Brimstone missiles were fired from trucks.", "Brimstone", "missiles", "GBR"),
    ("Kyiv used NLAW launchers.", "NLAW", "missiles", "SWE"),
    ("Starstreak missiles arrived in Kyiv.", "Starstreak", "missiles", "GBR"),
    ("Bangkok flies Gripen C jets.", "Gripen", "combat aircraft", "SWE"),
    ("Prague ordered CV90 vehicles.", "CV90", "armoured vehicles", "SWE"),
    ("Troops fired a Carl Gustaf recoilless rifle.", "Carl Gustaf", "small arms", "SWE"),
    ("Stockholm sent Archer howitzers.", "Archer", "artillery", "SWE"),
    ("Islamabad ordered J-10C jets.", "J-10C", "combat aircraft", "CHN"),
    ("Beijing flew J-10 fighters near Taiwan.", "J-10", "combat aircraft", "CHN"),
    ("Dhaka was offered the J-10CE.", "J-10C", "combat aircraft", "CHN"),
    ("Baku signed for JF-17 Block III jets.", "JF-17", "combat aircraft", "CHN"),
    ("J-20 stealth fighters flew over the strait.", "J-20", "combat aircraft", "CHN"),
    ("China showed the FC-31 at Zhuhai.", "FC-31", "combat aircraft", "CHN"),
    ("Riyadh bought Wing Loong II drones.", "Wing Loong", "drones", "CHN"),
    ("Baghdad used CH-4B drones.", "CH-4", "drones", "CHN"),
    ("Algiers ordered CH-5 drones.", "CH-5", "drones", "CHN"),
    ("Tashkent bought the HQ-9 system.", "HQ-9", "air defence", "CHN"),
    ("Islamabad inducted the HQ-16FE system.", "HQ-16", "air defence", "CHN"),
    ("Bangkok ordered VT-4 tanks.", "VT-4", "tanks", "CHN"),
    ("The J-10C carries the PL-15 missile.", "PL-15", "missiles", "CHN"),
    ("The J-10C carries the PL-10 missile.", "PL-10", "missiles", "CHN"),
    ("Pakistan commissioned a Type 054A/P frigate.", "Type 054A", "ships", "CHN"),
    ("Kyiv used Bayraktar TB2 drones.", "Bayraktar TB2", "drones", "TUR"),
    ("Warsaw ordered 24 TB2 drones.", "Bayraktar TB2", "drones", "TUR"),
    ("Baykar delivered Akinci drones.", "Akinci", "drones", "TUR"),
    ("The Kizilelma drone flew with jets.", "Kizilelma", "drones", "TUR"),
    ("Manila bought T129 ATAK helicopters.", "T129 ATAK", "helicopters", "TUR"),
    ("Ankara rolled out the Altay tank.", "Altay", "tanks", "TUR"),
    ("The KAAN fighter flew for the first time.", "KAAN", "combat aircraft", "TUR"),
    ("Russia launched Shahed-136 drones.", "Shahed-136", "drones", "IRN"),
    ("Shahed-131 drones hit the grid.", "Shahed-131", "drones", "IRN"),
    ("Caracas received Mohajer-6 drones.", "Mohajer-6", "drones", "IRN"),
    ("Iran sent Fateh-110 missiles.", "Fateh-110", "missiles", "IRN"),
    ("Tehran fired Zolfaghar missiles.", "Zolfaghar", "missiles", "IRN"),
    ("Iran unveiled the Kheibar missile.", "Kheibar", "missiles", "IRN"),
    ("Warsaw ordered K9 Thunder howitzers.", "K9 Thunder", "artillery", "KOR"),
    ("Warsaw received K2 Black Panther tanks.", "K2 Black Panther", "tanks", "KOR"),
    ("Manila flies FA-50 jets.", "FA-50", "combat aircraft", "KOR"),
    ("Seoul flew the KF-21 prototype.", "KF-21", "combat aircraft", "KOR"),
    ("Warsaw ordered Chunmoo rocket launchers.", "Chunmoo", "MLRS", "KOR"),
    ("Delhi ordered 97 Tejas Mk1A jets.", "Tejas", "combat aircraft", "IND"),
    ("Manila bought BrahMos missiles.", "BrahMos", "missiles", "IND"),
    ("Yerevan ordered Akash air defence systems.", "Akash", "air defence", "IND"),
    ("The army inducted Arjun tanks.", "Arjun", "tanks", "IND"),
    ("Quito grounded its Dhruv helicopters.", "Dhruv", "helicopters", "IND"),
    ("Delhi test-fired the Barak-8 missile.", "Barak-8", "air defence", "ISR"),
    ("Iron Dome intercepted the rockets.", "Iron Dome", "air defence", "ISR"),
    ("David's Sling intercepted a missile.", "David's Sling", "air defence", "ISR"),
    ("Berlin bought the Arrow 3 system.", "Arrow", "air defence", "ISR"),
    ("Soldiers fired Spike anti-tank missiles.", "Spike", "missiles", "ISR"),
    ("Baku flies Hermes 900 drones.", "Hermes 900", "drones", "ISR"),
    ("Delhi leased Heron drones.", "Heron", "drones", "ISR"),
    ("Baku used Harop drones.", "Harop", "drones", "ISR"),
    ("Colombia bought Type 209 submarines.", "Type 209", "submarines", "DEU"),
    ("Italy ordered Type 212 submarines.", "Type 212", "submarines", "DEU"),
    ("Ankara built Type 214 submarines.", "Type 214", "submarines", "DEU"),
    ("Israel operates Dolphin submarines.", "Dolphin", "submarines", "DEU"),
]


@pytest.mark.parametrize(("sentence", "name", "category", "producer"), FAMILIES)
def test_family(sentence: str, name: str, category: str, producer: str) -> None:
    found = [w for w in find_weapons(sentence) if w.name == name]
    assert found, (sentence, find_weapons(sentence))
    assert (found[0].category, found[0].producer) == (category, producer)
    assert found[0].text and found[0].text in sentence


@pytest.mark.parametrize(
    "spelling",
    ["Su-35", "Su35", "Su 35", "SU-35", "su-35", "Sukhoi-35", "Sukhoi Su-35", "Su-35S", "Su-35s", "Su-35's"],
)
def test_su35_spellings(spelling: str) -> None:
    assert names(f"Iran expects the {spelling} soon.") == ["Su-35"]


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Su-30MKI", "Su-30"), ("Su-30SM", "Su-30"), ("F-16V", "F-16"), ("F-16 Block 70", "F-16"),
        ("F-16 block 72", "F-16"), ("F-16C/D", "F-16"), ("F16", "F-16"), ("F-16s", "F-16"), ("PAC-3", "Patriot"),
        ("PAC-3 MSE", "Patriot"), ("PAC-2", "Patriot"), ("T-72B3", "T-72"), ("T-90MS", "T-90"),
        ("MiG-29SMT", "MiG-29"), ("Leopard 2A6", "Leopard 2"), ("Leopard 2 A4", "Leopard 2"),
        ("Leopard 2A7+", "Leopard 2"), ("K2PL", "K2 Black Panther"), ("K9A1", "K9 Thunder"),
        ("M1A2", "M1 Abrams"), ("J-10CE", "J-10C"), ("Chengdu J-10C", "J-10C"), ("Mi-171Sh", "Mi-8"),
        ("S400", "S-400"), ("S-300PMU-2", "S-300"), ("AH-64E", "AH-64 Apache"), ("MQ-1C", "MQ-1C Gray Eagle"),
        ("F-35B", "F-35"), ("Rafales", "Rafale"), ("Patriots", "Patriot"), ("HIMARS", "HIMARS"),
        ("Himars", "HIMARS"), ("High Mobility Artillery Rocket Systems", "HIMARS"), ("Humvees", "HMMWV"),
        ("Eurofighter", "Eurofighter Typhoon"), ("Storm Shadows", "SCALP/Storm Shadow"), ("Mi-35", "Mi-24"),
        ("RAFALE", "Rafale"), ("Bayraktar TB2s", "Bayraktar TB2"), ("Shahed 136", "Shahed-136"),
    ],
)
def test_variant_forms(surface: str, name: str) -> None:
    assert names(f"The military showed its {surface} at the parade.")[:1] == [name]


def test_every_table_form_is_found_in_military_context() -> None:
    missing = []
    for system, forms in _system_rows():
        for form in forms:
            sentence = f"The military bought the {form} last year."
            if system.name not in names(sentence):
                missing.append(form)
    assert missing == []


def test_digit_designations_in_separator_and_case_variants() -> None:
    checked = 0
    for system, forms in _system_rows():
        m = re.fullmatch(r"([A-Z][a-z]?[A-Za-z]?)-(\d+)", system.name)
        if not m:
            continue
        prefix, digits = m.groups()
        variants = [f"{prefix}{digits}", f"{prefix} {digits}", f"{prefix.upper()}-{digits}"]
        if len(prefix) > 1:
            variants.append(f"{prefix.lower()}-{digits}")
        for variant in variants:
            assert system.name in names(f"The military bought the {variant} last year."), variant
            checked += 1
    assert checked > 150


def test_every_generic_term_is_found_singular_and_plural() -> None:
    lexicon = load_lexicon()
    for term, category in lexicon.generic_categories.items():
        if category == "none" or term.casefold() in lexicon.ambiguous:
            continue
        words = term.split()
        for form in (term, " ".join([*words[:-1], plural_forms(words[-1])[-1]])):
            got = [(w.name, w.category) for w in find_weapons(f"Officials said the {form} were bought.")]
            assert got == [(term, category)], form


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Israeli fighter jets struck the port.", [("fighter jet", "combat aircraft")]),
        ("Warplanes bombed the town.", [("warplane", "combat aircraft")]),
        ("Attack helicopters and main battle tanks crossed the river.",
         [("attack helicopter", "helicopters"), ("main battle tank", "tanks")]),
        ("Kyiv asked for air-defence systems and anti-aircraft guns.",
         [("air defence system", "air defence"), ("anti-aircraft gun", "air defence")]),
        ("Cruise missiles and ballistic missiles hit the city.",
         [("cruise missile", "missiles"), ("ballistic missile", "missiles")]),
        ("UAVs and drones circled overhead.", [("UAV", "drones"), ("drone", "drones")]),
        ("The navy ordered two frigates, a corvette and a submarine.",
         [("frigate", "ships"), ("corvette", "ships"), ("submarine", "submarines")]),
        ("Rebels carried assault rifles and ammunition.",
         [("assault rifle", "small arms"), ("ammunition", "small arms")]),
        ("Kyiv needs artillery shells and a radar.", [("artillery shell", "artillery"), ("radar", "radars")]),
        ("Multiple rocket launchers fired on the base.", [("multiple rocket launcher", "MLRS")]),
        ("The patrol boats and warships left port.", [("patrol boat", "ships"), ("warship", "ships")]),
        ("Soldiers fired anti-tank missiles at armoured vehicles.",
         [("anti-tank missile", "missiles"), ("armoured vehicle", "armoured vehicles")]),
    ],
)
def test_generic_terms(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(w.name, w.category) for w in find_weapons(sentence)] == expected


@pytest.mark.parametrize(
    ("surface", "name", "category"),
    [
        ("155 mm howitzers", "155 mm howitzer", "artillery"),
        ("155mm howitzers", "155 mm howitzer", "artillery"),
        ("155-millimetre howitzers", "155 mm howitzer", "artillery"),
        ("155 millimeter shells", "155 mm shell", "artillery"),
        ("155-mm artillery shells", "155 mm shell", "artillery"),
        ("152 mm self-propelled howitzers", "152 mm howitzer", "artillery"),
        ("120mm mortars", "120 mm mortar", "artillery"),
        ("7.62 mm ammunition", "7.62 mm ammunition", "small arms"),
    ],
)
def test_calibres(surface: str, name: str, category: str) -> None:
    weapons = find_weapons(f"Kyiv asked for more {surface} this week.")
    assert [(w.name, w.category) for w in weapons] == [(name, category)]
    assert weapons[0].text == surface


def test_designation_beats_generic_on_the_same_words() -> None:
    [w] = find_weapons("Serbia bought 12 Rafale jets.")
    assert (w.name, w.text) == ("Rafale", "Rafale jets")
    [w] = find_weapons("Pakistan ordered 25 Chinese J-10C multirole fighter jets.")
    assert (w.name, w.text) == ("J-10C", "J-10C multirole fighter jets")
    [w] = find_weapons("France will sell 36 Caesar 155 mm self-propelled howitzers.")
    assert (w.name, w.text) == ("CAESAR", "Caesar 155 mm self-propelled howitzers")


def test_generic_term_with_a_designation_of_its_category_is_dropped() -> None:
    assert names("Pakistan inducted J-10C fighters; the jets flew over Islamabad.") == ["J-10C"]
    assert names("The package includes Javelin anti-tank missiles and helicopters.") == ["Javelin", "helicopter"]


def test_each_name_once_in_order_of_first_mention() -> None:
    assert names("Su-35s, F-16s and more Su-35 jets.") == ["Su-35", "F-16"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Congress renewed the Patriot Act.",
        "Typhoon Haiyan struck the Philippines.",
        "Hamas fighters attacked the checkpoint.",
        "Foreign fighters crossed the border.",
        "Climbers died on K2 last winter.",
        "Traffic was jammed on the M1 and the A10.",
        "Ministers agreed a 10-point plan.",
        "A think tank said the fuel tank leaked.",
        "Bradley Cooper visited the set.",
        "The Apache tribe met officials.",
        "Shares in Hermes rose.",
        "A suicide bomber struck the market.",
        "The deal flew under the radar.",
        "Prices saw a spike in March.",
        "A Harrier hawk was seen near the lake.",
        "Leopard numbers are falling in Africa.",
        "The jet stream brought rain; a private jet landed.",
        "CH4 emissions rose again.",
    ],
)
def test_ambiguous_words_without_weapon_context(sentence: str) -> None:
    assert find_weapons(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Kyiv asked for more Patriot batteries.", "Patriot"),
        ("Allies will buy American weapons, including Patriots, for Kyiv.", "Patriot"),
        ("Air defence systems such as Arrow protect the country.", "Arrow"),
        ("Poland ordered K2 tanks.", "K2 Black Panther"),
        ("Warsaw received more K9 howitzers.", "K9 Thunder"),
        ("Egypt ordered 24 Typhoon fighters.", "Eurofighter Typhoon"),
        ("Berlin sent Leopard tanks.", "Leopard"),
        ("HIMARS and Javelin were delivered.", "Javelin"),
    ],
)
def test_ambiguous_words_with_weapon_context(sentence: str, name: str) -> None:
    assert name in names(sentence)


def test_categories_and_producers_are_valid() -> None:
    for weapon in find_weapons("Su-35, F-16, Rafale, J-10C, TB2, K9, Tejas, Iron Dome, drones, 155 mm shells"):
        assert weapon.category in CATEGORIES
        assert weapon.producer is None or re.fullmatch(r"[A-Z]{3}", weapon.producer)


def test_empty_and_plain_text() -> None:
    assert find_weapons("") == []
    assert find_weapons("The ministers met in Cairo on Sunday to discuss trade.") == []
