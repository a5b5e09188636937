"""Arms-transfer mentions and ledger rows from coded text, on sentences written for these tests."""

from __future__ import annotations

import pytest

from dyads.arms import build_ledger, transfer_mentions


@pytest.fixture(scope="module")
def ledger_of(code_text):
    def run(*texts: str, date: str = "2024-05-02"):
        mentions = [m for t in texts for e in code_text(t, date) for m in transfer_mentions(e.to_record())]
        return {(r.supplier, r.recipient, r.category, r.status) for r in build_ledger(mentions)}

    return run


def test_supplier_verb_gives_a_delivery(ledger_of):
    assert ledger_of("Germany delivered 14 Leopard 2 tanks to Ukraine on Tuesday.") == {
        ("DEU", "UKR", "tanks", "delivered")}


def test_recipient_verb_takes_the_supplier_from_the_producer(ledger_of):
    assert ledger_of("Morocco bought 24 Bayraktar TB2 drones last year.") == {("TUR", "MAR", "drones", "ordered")}


def test_asking_for_weapons_is_a_request(ledger_of):
    assert ledger_of("Greece formally asked France for three more Rafale fighters.") == {
        ("FRA", "GRC", "combat aircraft", "requested")}


def test_relative_clause_names_the_recipient_of_a_promise(ledger_of):
    rows = ledger_of("The eight howitzers that Norway promised Ukraine in March have arrived.")
    assert ("NOR", "UKR", "artillery", "agreed") in rows


def test_ammunition_sent_with_a_system_is_part_of_that_row(ledger_of):
    rows = ledger_of("Canada will give Ukraine four M777 howitzers and a supply of ammunition.")
    assert rows == {("CAN", "UKR", "artillery", "agreed")}


def test_an_other_events_clause_does_not_lend_its_status_or_weapons(ledger_of):
    rows = ledger_of("Peru will buy 24 Gripen fighters under a contract signed on Monday, a year after it cancelled "
                     "an order for MiG-29 jets.")
    assert ("SWE", "PER", "combat aircraft", "ordered") in rows
    assert ("SWE", "PER", "combat aircraft", "cancelled") not in rows


def test_unnamed_sources_make_a_rumour_and_a_denial_answers_it(ledger_of):
    rumour = "Algeria has agreed to buy Chinese J-10C fighters, a website reported, citing unnamed military sources."
    assert ledger_of(rumour) == {("CHN", "DZA", "combat aircraft", "discussed")}
    denial = "Algeria denied reports that it had agreed to buy J-10C fighters from China."
    assert ledger_of(rumour, denial) == {("CHN", "DZA", "combat aircraft", "denied")}


def test_talk_that_a_newspaper_tells_of_is_answered_by_a_denial(ledger_of):
    report = "A Turkish newspaper reported that Azerbaijan was close to buying at least 12 J-10C fighters from China."
    assert ledger_of(report) == {("CHN", "AZE", "combat aircraft", "discussed")}
    denial = "China denied that it had agreed to sell J-10C fighters to Azerbaijan."
    assert ledger_of(report, denial) == {("CHN", "AZE", "combat aircraft", "denied")}
    signed = "A Turkish newspaper reported that Azerbaijan had signed a contract for 12 J-10C fighters from China."
    assert ("CHN", "AZE", "combat aircraft", "ordered") in ledger_of(signed, denial)  # a report of a deal stays


def test_an_expired_embargo_is_no_refusal(ledger_of):
    rows = ledger_of("Belarus is close to a deal to buy Russian Su-30 fighters now that an arms embargo on Minsk has "
                     "expired.")
    assert rows == {("RUS", "BLR", "combat aircraft", "discussed")}


def test_no_talks_is_a_negated_consultation(code_text):
    events = code_text("Russia said there were no talks with Iran on the missile system.")
    assert [(e.cameo[:2], e.modality.value) for e in events if e.target] == [("04", "negated")]


def test_flying_the_weapons_one_has_is_no_transfer(ledger_of):
    assert ledger_of("Bangladesh's air force flies US-made F-16s and eight Russian MiG-29s.") == set()
    assert ledger_of("Russia flew six Su-35 fighter jets to Iran on Sunday.") == {
        ("RUS", "IRN", "combat aircraft", "delivered")}


def test_receiving_weapons_from_a_supplier(ledger_of):
    assert ledger_of("Egypt has received its first K9 howitzers from South Korea.") == {
        ("KOR", "EGY", "artillery", "delivered")}
    assert ledger_of("Croatia received the first six Rafale fighters on Thursday.") == {
        ("FRA", "HRV", "combat aircraft", "delivered")}


def test_a_delivery_under_an_earlier_contract_records_the_order(ledger_of):
    rows = ledger_of("The first Leopard 2 tanks were delivered to Hungary by Germany under a 2018 contract for 44 "
                     "tanks.")
    assert rows == {("DEU", "HUN", "tanks", "delivered"), ("DEU", "HUN", "tanks", "ordered")}


def test_the_vehicle_that_brought_the_weapons_is_not_delivered(ledger_of):
    rows = ledger_of("Belarus put its new Chinese-made FK-3 air defence system on display, weeks after it arrived from "
                     "China aboard military transport planes.")
    assert all(category != "transport aircraft" for _, _, category, _ in rows)
    rows = ledger_of("The Su-30 jets were delivered to Belarus by Russia, when two Il-76 transport planes landed at "
                     "Minsk airport.")
    assert rows == {("RUS", "BLR", "combat aircraft", "delivered")}


def test_a_generic_remention_is_the_named_system_of_the_story(ledger_of):
    rows = ledger_of("Serbia has bought the Chinese FK-3 air defence system, making it the first European country to "
                     "order a long-range missile system from Beijing.")
    assert rows == {("CHN", "SRB", "air defence", "ordered")}


def test_the_ledger_is_the_same_from_a_generator_as_from_a_list(code_text):
    events = code_text("Pakistan has ordered 25 J-10C fighters from China. Egypt bought 12 Rafale jets from France.")
    mentions = [m for e in events for m in transfer_mentions(e.to_record())]
    as_list = [r.to_record() for r in build_ledger(mentions)]
    assert len(as_list) == 2
    assert [r.to_record() for r in build_ledger(m for m in mentions)] == as_list


def test_fighter_jets_named_by_designation_are_not_fighters_of_a_group(code_text):
    events = code_text("The first F-16 Block 70 fighters for Taiwan will not arrive before next year.")
    assert all(e.source.role != "REB" for e in events)
