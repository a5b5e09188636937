"""Event dates end to end: news sentences through the pipeline, with the date a careful analyst would give.

The document date is Thursday 2024-05-02 unless a case says otherwise. A date phrase counts for an event only when it
belongs to the event's own clause (or its event noun, a clause it shares a time with, or the statement framing it);
otherwise the event falls back to the document date (``date_source == "document"``, precision ``day``).
"""

import pytest

DOC = "2024-05-02"
DOCUMENT = (DOC, "day", "document")

CASES = [
    # explicit dates, weekdays, relative expressions
    ("On March 3, 2023, Egypt signed an agreement with Sudan.", "sign", None, ("2023-03-03", "day")),
    ("Israel and Jordan signed a water agreement on 14 February 2022.", "sign", None, ("2022-02-14", "day")),
    ("Japan protested to China on Tuesday.", "protest", None, ("2024-04-30", "day")),
    ("Ukraine said Russia attacked Kharkiv on Thursday.", "attack", None, ("2024-05-02", "day", "text")),
    ("Turkey condemned Sweden last week.", "condemn", None, ("2024-04-22", "week")),
    ("Iran expelled French diplomats last month.", "expel", None, ("2024-04", "month")),
    ("India and Pakistan held talks in June.", "hold", None, ("2023-06", "month")),
    ("Kenya deployed troops to Somalia in May of last year.", "deploy", None, ("2023-05", "month")),
    ("Earlier this year, Greece accused Turkey of violating its airspace.", "accuse", None, ("2024", "year")),
    ("Two days ago, Nigerian police arrested 20 protesters in Lagos.", "arrest", None, ("2024-04-30", "day")),
    ("Yesterday, Colombia expelled Venezuelan diplomats.", "expel", None, ("2024-05-01", "day")),
    ("Chad expelled the French ambassador this morning.", "expel", None, ("2024-05-02", "day", "text")),
    ("Three years ago, Russia invaded Ukraine.", "invade", None, ("2021", "year")),
    ("In 2017, Saudi Arabia signed a $110 billion arms deal with the United States.", "sign", None, ("2017", "year")),
    ("Jordan recalled its ambassador from Israel over the weekend.", "recall", None, ("2024-04-22", "week")),
    ("Ukraine attacked a Russian oil refinery on the night of April 20.", "attack", None, ("2024-04-20", "day")),
    # ranges: the start
    ("Russian and Chinese warships held joint exercises from March 3 to March 10.", "hold", None,
     ("2024-03-03", "day")),
    ("Between 2015 and 2018, Saudi Arabia bought weapons worth $20 billion from the United States.", "buy", None,
     ("2015", "year")),
    # future and scheduled events
    ("Russia will send troops to Belarus on Monday.", "send", None, ("2024-05-06", "day")),
    ("Chinese President Xi Jinping will visit France next week.", "visit", None, ("2024-05-06", "week")),
    ("Antony Blinken will travel to Israel on June 5.", "travel", None, ("2024-06-05", "day")),
    ("Blinken visits Israel on June 5.", "visit", None, ("2024-06-05", "day")),
    ("Egypt's president will meet Ethiopia's prime minister in June.", "meet", None, ("2024-06", "month")),
    # relative clauses, participles and names: another event's date, or a thing's
    ("Russia delivered fighter jets to Iran, which it first ordered in 1979.", "deliver", None, DOCUMENT),
    ("Russia delivered fighter jets to Iran under a 1979 deal.", "deliver", None, DOCUMENT),
    ("Saudi Arabia renewed the 2017 arms deal with the United States.", "renew", None, DOCUMENT),
    ("Russia, which invaded Ukraine in 2022, struck Odesa.", "strike", None, DOCUMENT),
    ("Russia, which invaded Ukraine in 2022, struck Odesa on Sunday.", "strike", None, ("2024-04-28", "day")),
    ("The S-400 systems, which Turkey ordered in 2017, were delivered by Russia on Monday.", "deliver", None,
     ("2024-04-29", "day")),
    ("The S-400 systems, which Turkey ordered in 2017, were delivered by Russia on Monday.", "order", None,
     ("2017", "year")),
    ("Russia condemned Monday's attack by Ukraine on Belgorod.", "condemn", None, DOCUMENT),
    # subordinate clauses and reference points
    ("After talks in March, Egypt signed a trade agreement with Ethiopia on Friday.", "sign", None,
     ("2024-04-26", "day")),
    ("After talks in March, Egypt signed a trade agreement with Ethiopia.", "sign", None, DOCUMENT),
    ("Turkey expelled the Swedish ambassador on Monday because Sweden had allowed a protest in January.", "expel",
     None, ("2024-04-29", "day")),
    ("Germany sent tanks to Ukraine on Monday, two days after Russia attacked Kyiv.", "send", None,
     ("2024-04-29", "day")),
    ("Germany sent tanks to Ukraine on Monday, two days after Russia attacked Kyiv.", "attack", None, DOCUMENT),
    ("North Korea fired missiles into the sea on Sunday, days after the United States and South Korea held drills "
     "on April 25.", "fire", None, ("2024-04-28", "day")),
    ("North Korea fired missiles into the sea on Sunday, days after the United States and South Korea held drills "
     "on April 25.", "hold", None, ("2024-04-25", "day")),
    ("China has threatened Taiwan since 2019.", "threaten", None, DOCUMENT),
    # coordinated events: each its own date; a date put before shared-subject verbs covers them all
    ("Israel struck Hezbollah positions on Monday and Hezbollah fired rockets at Israel on Wednesday.", "strike",
     None, ("2024-04-29", "day")),
    ("Israel struck Hezbollah positions on Monday and Hezbollah fired rockets at Israel on Wednesday.", "fire",
     None, ("2024-05-01", "day")),
    ("Iran seized a British tanker in 2019 and Britain seized an Iranian tanker in Gibraltar.", "seize", "IRN",
     ("2019", "year")),
    ("Iran seized a British tanker in 2019 and Britain seized an Iranian tanker in Gibraltar.", "seize", "GBR",
     DOCUMENT),
    ("Egypt on Monday condemned Israel and recalled its ambassador from Tel Aviv.", "recall", None,
     ("2024-04-29", "day")),
    ("Egypt condemned Israel and recalled its ambassador from Tel Aviv on Monday.", "condemn", None, DOCUMENT),
    # a participle clause happens with its verb
    ("Islamic State militants attacked an army checkpoint on Sunday, killing five Iraqi soldiers.", "kill", None,
     ("2024-04-28", "day")),
    ("Poland expelled three Russian diplomats on Tuesday, accusing them of sabotage.", "accuse", None,
     ("2024-04-30", "day")),
    ("Turkey bought S-400 missiles from Russia in 2017, defying the United States.", "defy", None, ("2017", "year")),
    # event nouns and framing statements
    ("Egypt and Israel held talks on Tuesday.", "hold", None, ("2024-04-30", "day")),
    ("Egypt signed the deal with Sudan during a visit to Khartoum on Monday.", "sign", None, ("2024-04-29", "day")),
    ("The Sudanese army said on Tuesday it had attacked RSF positions.", "attack", None, ("2024-04-30", "day")),
    ("Egypt said after a meeting with Sudan on Wednesday that it would send troops.", "send", None,
     ("2024-05-01", "day")),
    # datelines: the report's day, below any date of the event's own
    ("MOSCOW, May 1 (Reuters) - Russia accused Ukraine of shelling a border village.", "accuse", "RUS",
     ("2024-05-01", "day")),
    ("MOSCOW, May 1 (Reuters) - Russia accused Ukraine on Tuesday of shelling a border village.", "accuse", "RUS",
     ("2024-04-30", "day")),
]


@pytest.mark.parametrize(("sentence", "trigger", "source", "expected"), CASES)
def test_event_date(code_text, sentence, trigger, source, expected):
    events = [e for e in code_text(sentence, DOC) if e.trigger.split()[0].startswith(trigger[:4])
              and (source is None or e.source.code == source)]
    assert events, f"no '{trigger}' event coded"
    for e in events:
        got = (e.date, e.date_precision, e.date_source.split(":")[0])
        assert got[: len(expected)] == expected, (e.trigger, e.date_source)


def test_an_event_without_a_document_date_or_a_date_phrase_is_unknown(code_text):
    (event,) = [e for e in code_text("Turkey condemned Sweden.", None) if e.cameo.startswith("11")]
    assert (event.date, event.date_precision, event.date_source) == (None, "unknown", "unknown")
