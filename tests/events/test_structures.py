"""Event coding of the sentence structures and modalities dyads must handle, on sentences written for these tests."""

from __future__ import annotations


def dyads(events):
    return {(e.source.country or e.source.code, e.target.country if e.target else None, e.cameo) for e in events}


def test_active_voice(code_text):
    events = code_text("Pakistani troops attacked Indian positions along the border.")
    assert [(e.source.code, e.target.country, e.cameo[:2]) for e in events] == [("PAKMIL", "IND", "19")]


def test_passive_voice_takes_the_agent_as_source(code_text):
    events = code_text("Two Iraqi soldiers were killed by Islamic State militants near Mosul.")
    assert {(e.source.code, e.target.code) for e in events} == {("IMGREBISI", "IRQMIL")}
    assert events[0].cameo[:2] in ("18", "19")


def test_coordinated_targets_give_one_event_each(code_text):
    events = code_text("Chinese Foreign Minister Wang Yi held talks with Egypt, Jordan and Qatar on Monday.")
    ours = [e for e in events if e.source.code == "CHNGOV"]
    assert {(e.source.code, e.target.country) for e in ours} == {("CHNGOV", "EGY"), ("CHNGOV", "JOR"),
                                                                 ("CHNGOV", "QAT")}
    assert {e.cameo[:2] for e in events} == {"04"}
    assert all(e.source.name == "Wang Yi" for e in ours)
    # negotiations are mutual: each partner negotiates with China too
    assert {(e.source.country, e.target.code) for e in events if e.source.code != "CHNGOV"} == {
        ("EGY", "CHNGOV"), ("JOR", "CHNGOV"), ("QAT", "CHNGOV")}


def test_coordinated_sources(code_text):
    events = code_text("France and Germany condemned the Russian invasion of Ukraine.")
    assert {(e.source.country, e.cameo[:2]) for e in events} == {("FRA", "11"), ("DEU", "11")}
    assert {e.target.country for e in events} == {"RUS"}


def test_mutual_event_between_coordinated_sources(code_text):
    events = code_text("Turkey and Iraq signed a security pact on Monday.")
    assert {(e.source.country, e.target.country) for e in events} == {("TUR", "IRQ"), ("IRQ", "TUR")}
    assert {e.cameo for e in events} == {"057"}


def test_nominal_event_with_a_prepositional_target(code_text):
    events = code_text("Egypt agreed a $2.5 billion gas deal with Turkey.")
    assert ("EGY", "TUR") in {(e.source.country, e.target.country) for e in events if e.target}


def test_reported_clause_codes_the_inner_event_only(code_text):
    events = code_text("Israel said that Hamas attacked its soldiers near the border.")
    assert [(e.source.code, e.target.country, e.cameo[:2]) for e in events] == [("PSEREBHMS", "ISR", "19")]
    assert events[0].modality.value == "reported"


def test_negation_is_a_modality(code_text):
    events = code_text("France did not sign the defence agreement with Mali.")
    assert [(e.source.country, e.target.country, e.cameo, e.modality.value) for e in events] == [
        ("FRA", "MLI", "057", "negated")]


def test_intent_gives_cameo_intent_code(code_text):
    events = code_text("China is ready to send Pakistan more J-10C fighters.")
    assert [(e.source.country, e.target.country, e.cameo, e.modality.value, e.plover) for e in events] == [
        ("CHN", "PAK", "0332", "intended", "AGREE")]
    assert "frame intend" in events[0].rule


def test_speaker_of_the_same_state_is_the_source(code_text):
    events = code_text("Wang Yi said on March 3 that China was ready to send Pakistan more J-10C fighters.")
    (e,) = events
    assert (e.source.code, e.source.name, e.target.country, e.cameo) == ("CHNGOV", "Wang Yi", "PAK", "0332")
    assert (e.date, e.date_precision) == ("2023-03-03", "day")


def test_refusal(code_text):
    events = code_text("Iran refused to release the detained British sailors.")
    assert [(e.source.country, e.cameo[:2], e.modality.value) for e in events] == [("IRN", "12", "refused")]


def test_appeal_targets_the_addressee(code_text):
    events = code_text("The United Nations urged Israel to allow aid convoys into Gaza.")
    assert [(e.source.code, e.target.country, e.cameo[:2], e.modality.value) for e in events] == [
        ("IGOUNO", "ISR", "02", "demanded")]


def test_demand_that(code_text):
    events = code_text("Ankara demanded that Stockholm extradite Kurdish militants.")
    assert [(e.source.country, e.target.country, e.cameo[:2]) for e in events] == [("TUR", "SWE", "10")]


def test_threat_to_act(code_text):
    events = code_text("Pakistan threatened to break off diplomatic relations with Denmark.")
    assert [(e.source.country, e.target.country, e.cameo[:2]) for e in events] == [("PAK", "DNK", "13")]


def test_future_sanction_is_a_threat(code_text):
    events = code_text("The European Union will impose new sanctions on Belarus.")
    assert [(e.source.code, e.target.country, e.cameo[:2], e.modality.value) for e in events] == [
        ("IGOEUR", "BLR", "13", "intended")]


def test_future_cooperation_keeps_its_code_and_is_plover_agree(code_text):
    events = code_text("Indian Prime Minister Narendra Modi will visit Moscow next week.")
    (e,) = events
    assert (e.source.code, e.target.country, e.cameo, e.plover, e.modality.value) == (
        "INDGOV", "RUS", "042", "AGREE", "intended")
    assert (e.date, e.date_precision) == ("2023-03-06", "week")


def test_relative_date_resolves_against_document_date(code_text):
    events = code_text("Egypt's army announced last week a border-security pact with Sudan and Libya.")
    assert {(e.source.code, e.target.country) for e in events} == {("EGYMIL", "SDN"), ("EGYMIL", "LBY")}
    assert {(e.date, e.date_precision) for e in events} == {("2023-02-20", "week")}


def test_denial_is_coded_as_deny(code_text):
    events = code_text("Tehran denied that it had sent weapons to the Houthis.")
    assert [(e.source.country, e.cameo, e.modality.value) for e in events] == [("IRN", "016", "denied")]


def test_sentence_without_actors_gives_no_event(code_text):
    assert code_text("Heavy rain flooded the coastal highway on Tuesday, officials said.") == []


def test_statement_alone_is_not_an_event(code_text):
    assert code_text("The Egyptian foreign minister said the talks had been useful.") == []


def test_every_event_names_its_rule_and_evidence(code_text):
    (e,) = code_text("Russia expelled two Estonian diplomats on Friday.")
    assert e.rule.startswith("verbs.tsv:")
    assert e.sentence == "Russia expelled two Estonian diplomats on Friday."
    assert e.span == (0, len(e.sentence))
    assert e.source.entry and e.target.entry


def test_protest_without_target_is_against_the_own_government(code_text):
    events = code_text("Thousands of Kenyan students protested on Friday.")
    assert [(e.source.code, e.target.code, e.cameo[:2]) for e in events] == [("KENEDU", "KENGOV", "14")]
    assert "own government" in events[0].rule


def test_reciprocal_verbs_only_make_coordinated_sources_act_on_each_other(code_text):
    clash = code_text("Indian and Chinese troops clashed along the disputed border.")
    assert {(e.source.country, e.target.country) for e in clash} == {("IND", "CHN"), ("CHN", "IND")}
    shot = code_text("US and British warships shot down drones over the Red Sea.")
    assert all(e.target is None or e.target.country not in ("USA", "GBR") for e in shot)


def test_a_protests_purpose_clause_is_not_a_second_event(code_text):
    events = code_text("Thousands of Kenyan students marched in Nairobi on Monday to demand lower university fees.")
    assert {e.cameo[:2] for e in events} == {"14"}
    events = code_text("Chilean miners blocked highways for a second day, demanding higher wages from the government.")
    assert {e.cameo[:2] for e in events} == {"14"}


def test_a_demand_by_someone_else_than_the_protesters_stays(code_text):
    events = code_text("Kenyan students marched in Nairobi as Kenya's opposition leader demanded the resignation of "
                       "the minister.")
    roots = {e.cameo[:2] for e in events}
    assert "14" in roots and roots & {"02", "10"}


def test_a_prepositional_object_the_parser_stranded_is_still_the_target(code_text):
    events = code_text("Chile has granted asylum to three Bolivian army officers holed up in its embassy.")
    assert ("CHL", "BOL") in {(e.source.country, e.target.country if e.target else None) for e in events}


def test_a_targetless_result_clause_is_told_by_the_dyadic_event(code_text):
    events = code_text("Kenyan police opened fire on Somali traders in Nairobi, killing two people.")
    assert events and all(e.target is not None for e in events)
    assert ("KEN", "SOM") in {(e.source.country, e.target.country) for e in events}


def test_a_condition_is_not_an_event(code_text):
    events = code_text("Afghan rebels said they would meet Pakistani officials if Pakistan expelled the envoy.")
    assert "PAK" not in {e.source.country for e in events}
    assert ("AFG", "PAK") in {(e.source.country, e.target.country if e.target else None) for e in events}


def test_a_domestic_measure_with_no_one_named_targets_the_own_country(code_text):
    events = code_text("Bolivia's government extended the night-time curfew in La Paz on Sunday.")
    assert ("BOLGOV", "BOL") in {(e.source.code, e.target.code if e.target else None) for e in events}


def test_a_measure_against_named_people_is_not_given_the_default(code_text):
    events = code_text("Bolivian police arrested twelve protesters in La Paz on Sunday.")
    assert all(e.target is None or e.target.code != "BOL" or e.target.entry != "domestic measure: the state's own "
               "population" for e in events)


def test_calling_off_a_strike_is_a_concession_to_the_own_government(code_text):
    events = code_text("Ghana's teachers' union called off its week-long strike on Friday.")
    assert {(e.source.country, e.target.code if e.target else None, e.cameo[:3]) for e in events} == {
        ("GHA", "GHAGOV", "082")}


def test_exercises_held_together_are_military_cooperation(code_text):
    events = code_text("Indian and French warships began five days of naval exercises in the Arabian Sea on Monday.")
    assert {(e.source.country, e.target.country if e.target else None, e.cameo) for e in events} == {
        ("IND", "FRA", "062"), ("FRA", "IND", "062")}
    alone = code_text("Chinese warships began five days of naval exercises near Taiwan on Monday.")
    assert all(e.cameo != "062" for e in alone)


def test_handing_over_aid_is_giving_it(code_text):
    events = code_text("Qatari officials handed over 40 tonnes of medicine to the Red Crescent in Gaza.")
    assert [e.cameo for e in events if e.source.country == "QAT"] == ["073"]


def test_releasing_an_office_holder_and_refusing_support(code_text):
    events = code_text("Turkey on Friday released the mayor of a Syrian border town held for two months.")
    assert ("TUR", "SYR", "0841") in {(e.source.country, e.target.country if e.target else None, e.cameo)
                                      for e in events}
    events = code_text("Canada said it would not provide support to the new military government in Niger.")
    assert [(e.source.country, e.target.country, e.cameo[:2], e.modality.value) for e in events] == [
        ("CAN", "NER", "12", "refused")]


def test_the_subject_of_a_passive_raising_verb_acts(code_text):
    events = code_text("Kenya's foreign minister is expected to visit Ethiopia next week.")
    assert ("KENGOV", "ETH") in {(e.source.code, e.target.country if e.target else None) for e in events}


def test_what_an_agreement_says_is_not_a_second_event(code_text):
    events = code_text("Peru and Chile signed an agreement on Monday to expand trade in copper.")
    assert {e.cameo for e in events} == {"057"}


def test_one_dyad_and_root_is_coded_once_per_sentence(code_text):
    events = code_text("Haiti's military government declared a state of siege, suspending parts of the constitution.")
    keys = [(e.source.code, e.target.code if e.target else None, e.cameo[:2]) for e in events]
    assert len(keys) == len(set(keys)) and keys


def test_an_allegation_accuses_the_subject_of_its_clause(code_text):
    events = code_text("Human Rights Watch alleged that Ethiopian troops had burned villages in Tigray.")
    assert any(e.cameo == "112" and e.source.code.startswith("NGO") and e.target and e.target.code == "ETHMIL"
               for e in events), [(e.source.code, e.target, e.cameo) for e in events]
    events = code_text("Lebanon complained that Israeli jets had violated its airspace.")
    assert ("LBN", "ISRMIL", "114") in {(e.source.code, e.target.code if e.target else None, e.cameo) for e in events}


def test_a_said_clause_is_no_allegation(code_text):
    events = code_text("Egypt said that Israel had closed the crossing.")
    assert all(e.cameo[:2] != "11" for e in events)


def test_receiving_from_someone_makes_the_giver_the_source(code_text):
    events = code_text("Moldova won security guarantees from Romania on Friday.")
    assert [(e.source.country, e.target.country, e.cameo[:2]) for e in events] == [("ROU", "MDA", "03")]
    assert code_text("Moldovan protesters received assurances on Friday.") == []
    events = code_text("Turkey secured a gas deal with Azerbaijan.")
    assert ("TUR", "AZE") in {(e.source.country, e.target.country if e.target else None) for e in events}


def test_saying_someone_must_act_is_a_demand_on_them(code_text):
    events = code_text("Kenya's foreign minister declared on Monday that Somalia must drop its maritime claims.")
    assert ("KENGOV", "SOM", "10") in {(e.source.code, e.target.country if e.target else None, e.cameo[:2])
                                       for e in events}


def test_a_leaders_surname_on_a_government_noun_is_that_government(code_text):
    events = code_text("The Obama administration imposed sanctions on Venezuela.", date="2015-03-09")
    assert [(e.source.code, e.source.name, e.target.country) for e in events] == [("USAGOV", "Barack Obama", "VEN")]


def test_a_future_release_is_plover_agree(code_text):
    events = code_text("Malian rebels said they will release the captured Malian soldiers next week.")
    assert [(e.cameo[:2], e.plover, e.modality.value) for e in events] == [("08", "AGREE", "intended")]


def test_he_does_not_climb_to_a_state(code_text):
    events = code_text("A senior Kenyan minister said Somalia must release the detained fishermen as he flew to "
                       "Ethiopia on Monday.")
    assert all(e.source.country != "SOM" for e in events if e.trigger.startswith("fly"))
    assert ("KEN", "ETH") in {(e.source.country, e.target.country if e.target else None) for e in events}


def test_a_complaint_is_against_whoever_did_the_act_complained_of(code_text):
    events = code_text("Syria complained to the United Nations on Tuesday over two Turkish air strikes near Aleppo.")
    assert [(e.source.country, e.target.country, e.cameo[:2]) for e in events] == [("SYR", "TUR", "11")]
    events = code_text("Jordan complained to Israel about the closure of the bridge.")
    assert [(e.source.country, e.target.country) for e in events] == [("JOR", "ISR")]


def test_a_role_without_a_country_acts_in_the_only_country_named(code_text):
    events = code_text("Security forces fired tear gas at protesters in Lagos.")
    assert [(e.source.code, e.target.country if e.target else None) for e in events] == [("NGACOP", "NGA")]
    # two countries named: no guess
    events = code_text("Security forces fired tear gas at Ghanaian protesters in Lagos.")
    assert all("only country" not in e.source.entry for e in events)


def test_force_lands_near_and_off_a_place(code_text):
    events = code_text("Japan boosted its military presence near Taiwan.")
    assert [(e.source.country, e.target.country if e.target else None, e.cameo[:2]) for e in events] == [
        ("JPN", "TWN", "15")]


def test_a_target_under_another_preposition_than_the_entrys(code_text):
    events = code_text("Indian Prime Minister Narendra Modi spoke by phone with Ukrainian President Volodymyr Zelensky.",
                       date="2024-03-01")
    assert [(e.source.code, e.target.code if e.target else None) for e in events] == [("INDGOV", "UKRGOV")]
    events = code_text("Turkish troops pulled out of the Syrian town of Manbij.")
    assert [(e.source.code, e.target.country if e.target else None) for e in events] == [("TURMIL", "SYR")]


def test_a_named_recipient_outranks_the_domestic_default(code_text):
    events = code_text("Spain refused to extradite the suspect to Morocco.")
    assert [(e.source.country, e.target.country, e.cameo[:2]) for e in events] == [("ESP", "MAR", "12")]


def test_rejecting_a_plan_made_by_someone_targets_them(code_text):
    events = code_text("Armenia rejected the border plan proposed by Azerbaijan.")
    assert [(e.source.country, e.target.country, e.cameo[:2]) for e in events] == [("ARM", "AZE", "12")]


def test_coordinated_sources_backing_something_do_not_back_each_other(code_text):
    events = code_text("Canada and the Netherlands provided support for the operation.")
    assert all(e.target is None for e in events) and {e.source.country for e in events} == {"CAN", "NLD"}


def test_an_event_noun_as_the_subject_of_a_verb_of_going_on(code_text):
    events = code_text("Chilean protests against the pension reform spread to Valparaiso on Monday.")
    assert [(e.source.country, e.target.code if e.target else None, e.cameo[:2]) for e in events] == [
        ("CHL", "CHLGOV", "14")]
    events = code_text("Clashes between Armenian and Azerbaijani troops erupted on Monday.")
    assert {(e.source.code, e.target.code) for e in events} == {("ARMMIL", "AZEMIL"), ("AZEMIL", "ARMMIL")}


def test_a_titled_person_with_no_country_acts_in_the_only_country_named(code_text):
    events = code_text("Judge Maria Lopez opened a fraud investigation against three Peruvian ministers.")
    assert ("PERJUD", "PERGOV") in {(e.source.code, e.target.code if e.target else None) for e in events}


def _dyads_of(events):
    return {(e.source.code, e.target.code if e.target else None, e.cameo) for e in events}


def test_the_target_is_whoever_did_the_event_noun(code_text):
    assert _dyads_of(code_text("Kenya condemned the expulsion of Somali refugees by Uganda.")) == {
        ("KEN", "UGA", "111")}
    assert _dyads_of(code_text("Greece denounced as illegal Turkey's occupation of the island.")) == {
        ("GRC", "TUR", "111")}
    assert _dyads_of(code_text("France condemned as barbaric Syria's shelling of civilians.")) == {
        ("FRA", "SYR", "111")}
    assert _dyads_of(code_text("Sudan's president conceded to demands from the rebels to release prisoners.")) == {
        ("SDNGOV", "SDNREB", "080")}


def test_from_names_a_place_for_material_acts(code_text):
    events = code_text("EU foreign ministers demanded the withdrawal of Russian troops from Georgia.")
    assert {e.target.code for e in events if e.target} == {"RUSMIL"}


def test_a_frame_verb_coded_alone_takes_its_complements_targets(code_text):
    assert _dyads_of(code_text("Iran has offered to hand over to Iraq three captured pilots.")) == {
        ("IRN", "IRQ", "030")}
    assert _dyads_of(code_text("Libya offered to turn over to Italy the migrants it had detained.")) == {
        ("LBY", "ITA", "030")}
    assert _dyads_of(code_text("Al-Shabaab threatened on Monday to expand its activities in Kenya.")) == {
        ("SOMREBSHB", "KEN", "130")}
    assert _dyads_of(code_text("Hamas threatened to step up its operations inside Israel.")) == {
        ("PSEREBHMS", "ISR", "138")}


def test_help_is_aid_and_takes_intent_and_appeal_frames(code_text):
    assert _dyads_of(code_text("Japan helped Indonesia after the earthquake.")) == {("JPN", "IDN", "070")}
    assert _dyads_of(code_text("Russia wants to help Serbia.")) == {("RUS", "SRB", "033")}
    assert _dyads_of(code_text("Congress is asking the White House to help Ukraine.")) == {("USALEG", "USAGOV", "023")}
    # "helped broker": the inner verb is the event
    assert {e.cameo for e in code_text("Egypt helped broker a ceasefire between Israel and Hamas.")} == {"045"}
    assert code_text("The rains helped farmers in Kenya.") == []


def test_receiving_a_team_of_observers(code_text):
    assert _dyads_of(code_text("Uzbekistan received a team of observers from the OSCE.")) == {
        ("UZB", "IGOOSC", "0862")}


def test_agreeing_or_being_committed_to_an_act_is_intent(code_text):
    assert _dyads_of(code_text("The Kenyan government is committed to opening talks with the rebels.")) == {
        ("KENGOV", "KENREB", "036")}
    assert {(e.source.country, e.cameo) for e in code_text("Colombia is committed to releasing the prisoners.")} == {
        ("COL", "0353")}
    # the act agreed to is not in the lexicon: the agreement itself is the intent (030), not a statement (019)
    assert _dyads_of(code_text("Ethiopia and Sudan agreed to form a joint border commission.")) == {
        ("ETH", "SDN", "030"), ("SDN", "ETH", "030")}
    # a gerund under another preposition is not the subject's act
    assert _dyads_of(code_text("France accused Iran of blowing up a plane.")) == {("FRA", "IRN", "112")}


def test_a_subject_swallowed_by_a_fronted_phrase(code_text):
    events = code_text("With the signing of a memorandum on the cessation of hostilities, the Ugandan government and "
                       "the Lord's Resistance Army have agreed to allow monitors into the north.")
    assert {(e.source.code, e.cameo[:2]) for e in events} == {("UGAGOV", "03"), ("UGAREBLRA", "03")}


def test_coordinated_demonyms_on_one_noun_give_one_target_each(code_text):
    assert _dyads_of(code_text("Guinean soldiers beat Sierra Leonean and Liberian refugees.")) == {
        ("GINMIL", "SLEREF", "182"), ("GINMIL", "LBRREF", "182")}
    assert _dyads_of(code_text("Thai police arrested dozens of Burmese and Cambodian migrants.")) == {
        ("THACOP", "MMRREF", "173"), ("THACOP", "KHMREF", "173")}
    assert {e.target.code for e in code_text(
        "Security forces in Kenya have detained hundreds of Somali and Ethiopian refugees.")} == {"SOMREF", "ETHREF"}


def test_an_attack_with_no_doer_is_by_unidentified_attackers(code_text):
    assert _dyads_of(code_text("A car bombing in Kabul killed three German soldiers.")) == {
        ("AFGUAF", "DEUMIL", "1832")}
    assert _dyads_of(code_text("A roadside blast near the town of Kandahar wounded two Canadian soldiers.")) == {
        ("AFGUAF", "CANMIL", "190")}
    assert _dyads_of(code_text("An explosion in central Baghdad killed five Iraqi policemen.")) == {
        ("IRQUAF", "IRQCOP", "190")}
    # no place named: the country of those it hit
    assert _dyads_of(code_text("A suicide attack killed four Nigerian soldiers.")) == {("NGAUAF", "NGAMIL", "1831")}
    # an attack someone claimed has a doer
    assert all(e.source.role != "UAF" for e in code_text(
        "Islamic State claimed a suicide bombing that killed 15 worshippers in Pakistan."))


def test_a_protest_is_aimed_at_whom_its_purpose_or_cause_names(code_text):
    # purpose infinitive, not the own-government default
    assert _dyads_of(code_text("Egyptian opposition activists continued their hunger strike to demand the "
                               "resignation of the Israeli prime minister.")) == {("EGYCVL", "ISRGOV", "142")}
    assert _dyads_of(code_text("Bolivian miners went on strike to demand the resignation of the Peruvian "
                               "president.")) == {("BOLLAB", "PERGOV", "143")}
    # a participle purpose outranks the place the riot happened in
    assert _dyads_of(code_text("Nigerian students rioted in Lagos demanding the expulsion of British diplomats.")) == {
        ("NGAEDU", "GBRGOV", "145")}
    # the cause: "over a law signed by", "in protest over a law passed by", "the first day of a strike over"
    assert _dyads_of(code_text("Greek dock workers went on strike over a law signed by the Turkish trade "
                               "minister.")) == {("GRCLAB", "TURGOV", "143")}
    assert _dyads_of(code_text("Kenyan nurses walked off the job on Monday in protest over a law passed by the "
                               "Ugandan parliament.")) == {("KENHLH", "UGALEG", "143")}
    # "stopped work" is no strike by itself: states and firms stop work on dams and bridges
    assert not [e for e in code_text("China stopped work on the dam after protests by villagers.")
                if e.cameo.startswith("14")]


def test_a_strike_begun_or_staged_keeps_its_purpose_as_its_target(code_text):
    # "began a strike TO DEMAND": the purpose of the strike, not what began
    # (the prisoners' role is incidental here: the target is what the purpose names)
    assert {(e.source.country, e.target.code, e.cameo) for e in code_text(
        "Kenyan prisoners began a hunger strike to demand their release by the Ugandan government.")} == {
        ("KEN", "UGAGOV", "142")}
    assert _dyads_of(code_text("Kenyan teachers started a strike to press the Ugandan government for higher "
                               "pay.")) == {("KENEDU", "UGAGOV", "143")}
    # "sit-in", which the parser splits into "sit" + "in"
    assert {e.cameo for e in code_text("Kenyan nurses held a sit-in outside the Ugandan embassy.")} == {"141"}


def test_the_one_a_conditional_threat_is_aimed_at(code_text):
    assert _dyads_of(code_text("Palestinian workers threatened to hold a general strike unless Israel lifted its "
                               "closure of the territories.")) == {("PSELAB", "ISR", "133")}
    assert _dyads_of(code_text("The Greek government threatened to impose sanctions if Turkey did not release the "
                               "detained journalists.")) == {("GRCGOV", "TUR", "1312")}
    assert {(e.source.country, e.target.country, e.cameo[:2]) for e in code_text(
        "Greece warned that it would block the accession talks unless Turkey recognised Cyprus.")} == {
        ("GRC", "TUR", "13")}
    # the threatened act's own target comes first; the condition is no event
    assert _dyads_of(code_text("Iran threatened to attack Saudi Arabia if the United States imposed new "
                               "sanctions.")) == {("IRN", "SAU", "138")}


def test_refused_entry_bans_and_prohibited_aid(code_text):
    assert {(e.source.country, e.target.country, e.cameo[:2]) for e in code_text(
        "Togo was still refusing admittance to Nigerians, the police said.")} == {("TGO", "NGA", "12")}
    assert _dyads_of(code_text("Israel denied entry to two Irish members of parliament.")) == {
        ("ISR", "IRL", "1245")}
    assert _dyads_of(code_text("The Kenyan government banned the Somali militant group al-Shabaab.")) == {
        ("KENGOV", "SOMREB", "1722")}
    assert {e.cameo for e in code_text("The Egyptian government outlawed the Muslim Brotherhood organization.")} == {
        "1722"}
    assert _dyads_of(code_text("The United States prohibited all aid to Kurdish rebels in Iraq.")) == {
        ("USA", "IRQREB", "162")}


def test_the_purpose_of_a_requested_meeting_is_no_event(code_text):
    assert _dyads_of(code_text("Pakistan demanded a session of the UN Human Rights Council to discuss India's "
                               "actions in Kashmir.")) == {("PAK", "IGOUNOHRC", "100")}
    assert _dyads_of(code_text("Iran requested an emergency meeting of the Arab League to discuss Israel's strikes "
                               "on Syria.")) == {("IRN", "IGOARL", "036")}
    assert _dyads_of(code_text("Japan proposed a summit with China to discuss the maritime dispute.")) == {
        ("JPN", "CHN", "036")}


def test_coordinated_verbs_share_their_object_and_phrases(code_text):
    # the parser takes "donated" for a modifier of "charities": the root noun is its subject
    assert _dyads_of(code_text("Nurses from two French charities donated and personally delivered $20,000 worth of "
                               "medicine to Kabul University Hospital.")) == {("FRAHLH", "AFGHLH", "073")}
    assert _dyads_of(code_text("Volunteers from three Japanese charities donated and shipped blankets to Ukrainian "
                               "refugees.")) == {("JPNNGO", "UKRREF", "073")}
    assert ("SAUGOV", "YEM", "070") in _dyads_of(code_text(
        "The Saudi government donated and delivered 500 tons of wheat to Yemen."))


def test_pushing_for_someone_to_act_is_an_appeal_to_them(code_text):
    assert _dyads_of(code_text("Japan pushed for the United States to lift the tariffs on steel.")) == {
        ("JPN", "USA", "0254")}
    assert _dyads_of(code_text("The EU is pressing for Turkey to release the detained journalists.")) == {
        ("IGOEUR", "TUR", "0253")}
    assert _dyads_of(code_text("Germany is pushing hard for France to support its plan for a European army.")) == {
        ("DEU", "FRA", "022")}


def test_fronted_report_is_an_accusation_of_the_clause_subject(code_text):
    # "<clause>, a rights group complained": the parser hangs the verb of saying on the clause in several shapes
    events = code_text("Kenyan police are harassing opposition journalists, a media rights group complained on Friday.")
    assert ("NGOHRI", "KENCOP", "114") in {(e.source.code, e.target.code, e.cameo) for e in events}
    events = code_text("The Ethiopian government is blocking food aid to Tigray, a human rights group protested.")
    assert ("NGOHRI", "ETHGOV", "114") in {(e.source.code, e.target.code, e.cameo) for e in events}
    events = code_text("Zimbabwean soldiers have been beating villagers in Manicaland, an opposition party charged.")
    assert ("ZWEOPP", "ZWEMIL", "112") in {(e.source.code, e.target.code, e.cameo) for e in events}


def test_fronted_speaker_is_no_object_of_the_clause(code_text):
    events = code_text("Security forces are torturing detainees in Egyptian prisons, a human rights group charged.")
    assert all(e.target is None or not e.target.code.startswith("NGO") for e in events)


def test_participle_after_a_passive_is_done_by_its_agent_not_the_reporter(code_text):
    events = code_text("A police station was attacked by Taliban gunmen in Kandahar, killing six officers, the Afghan "
                       "interior ministry said.")
    assert {e.source.code for e in events} == {"AFGREBTAL"}
    events = code_text("A convoy of Ethiopian troops was ambushed by Somali militants, wounding four soldiers, "
                       "officials reported.")
    assert {(e.source.code, e.target.code) for e in events} == {("SOMREB", "ETHMIL")}
    # no agent named: the doer of the killing is unknown, not the observatory that reported it
    assert code_text("A market was shelled on Sunday, killing 12 civilians, the Syrian Observatory said.") == []


def test_first_name_read_as_a_preposition_still_heads_coordinated_subjects(code_text):
    events = code_text("Barack Obama and Hu Jintao signed a climate agreement.", date="2010-03-05")
    assert {(e.source.code, e.target.code, e.cameo) for e in events} == {("USAGOV", "CHNGOV", "057"),
                                                                         ("CHNGOV", "USAGOV", "057")}
    events = code_text("Barack Obama and David Cameron discussed the crisis in Syria on Friday.", date="2011-03-05")
    assert {(e.source.country, e.target.country) for e in events} == {("USA", "SYR"), ("GBR", "SYR")}
    events = code_text("Barack Obama and Vladimir Putin will meet in Geneva.", date="2013-03-05")
    assert {e.source.country for e in events} == {"USA", "RUS"}


def test_its_citizens_in_an_appeal_are_the_appealers_own(code_text):
    for text, src in (("India urged its citizens to leave Ukraine.", "IND"),
                      ("Canada advised its citizens to leave Haiti immediately.", "CAN"),
                      ("The Philippines has urged its workers to leave Libya.", "PHL")):
        events = code_text(text)
        assert [(e.source.code, e.target.country, e.cameo[:2]) for e in events] == [(src, src, "02")], text
    # in a hostile act the possessive is still someone else's
    events = code_text("Israel said Hamas attacked its soldiers.")
    assert {e.target.code for e in events} == {"ISRMIL"}


def test_a_dateline_is_no_part_of_the_sentence_it_opens(code_text):
    # the parser makes the dateline's place a second subject, and its agency an apposition of it
    for text in ("MOSCOW, May 1 (Reuters) - Russia accused Ukraine of shelling a nuclear plant.",
                 "DUBAI, November 3, 2020 (Harbour Press) — Iran accused Israel of sabotage at Natanz."):
        events = code_text(text, "2024-05-02")
        assert events and all(e.source.code in ("RUS", "IRN") for e in events), text
    dated = code_text("MOSCOW, May 1 (Reuters) - Russia accused Ukraine of shelling a nuclear plant.", "2024-05-02")
    assert [e.date for e in dated] == ["2024-05-01"]


def test_every_listed_weapon_system_is_equipment_in_any_number(code_text):
    # designations of weapons/systems.tsv, plural or not, are what a delivery delivers
    for text, target, weapon in (("Russia delivered MiG-29s to Iran in 1990.", "IRN", "MiG-29"),
                                 ("France delivered three Rafales to India on Tuesday.", "IND", "Rafale"),
                                 ("Sweden delivered Gripens to Hungary.", "HUN", "Gripen")):
        events = code_text(text, "2024-05-02")
        assert [(e.target.country if e.target else None, e.cameo[:2]) for e in events] == [(target, "07")], text
        assert weapon in [w.name for w in events[0].weapons], text


def test_equipment_struck_by_violence_stands_for_its_military(code_text):
    assert _dyads_of(code_text("Ukraine shot down a Russian Su-25 over Donetsk.")) == {("UKR", "RUSMIL", "190")}
    assert _dyads_of(code_text("Turkey shot down a Russian jet near the Syrian border.")) == {("TUR", "RUSMIL", "190")}
    # equipment that is sold or sent is no actor
    assert {e.target.country for e in code_text("Egypt bought Russian Su-35 jets from Moscow.") if e.target} == {"RUS"}


def test_an_ethnic_group_is_placed_by_where_its_verb_or_participle_acts(code_text):
    events = code_text("Ethnic Albanian guerrillas operating in Macedonia attacked a police station.")
    assert {e.source.code for e in events} == {"MKDREB"}
    events = code_text("Ethnic Russians marched in Latvia over the language law.")
    assert {(e.source.code, e.target.code) for e in events} == {("LVACVL", "LVA")}
    events = code_text("Russian soldiers stationed in Syria attacked the rebels.")
    assert {e.source.code for e in events} == {"RUSMIL"}


def test_a_demand_noun_asks_the_subject_of_its_that_clause(code_text):
    events = code_text("The Arab League repeated its call that Israel withdraw from the occupied territories.")
    assert {(e.source.code, e.target.country, e.cameo[:2]) for e in events} == {("IGOARL", "ISR", "02")}
    events = code_text("The opposition insisted on its demands that Kenya's government release the detained journalists.")
    assert {(e.source.code, e.target.code, e.cameo[:2]) for e in events} == {("KENOPP", "KENGOV", "10")}


def test_unnamed_victims_of_violence_abroad_belong_to_the_place_struck(code_text):
    events = code_text("Saudi-led aircraft attacked Yemen and wounded dozens of people.")
    assert {e.target.code for e in events} == {"YEM", "YEMCVL"}


def test_destruction_by_a_crowd_is_violent_protest(code_text):
    assert _dyads_of(code_text("Angry demonstrators torched the ruling party's offices in Harare.")) == {
        ("ZWECVL", "ZWEGOV", "145")}
    assert {e.cameo for e in code_text("Rioters looted shops in the Senegalese capital.")} == {"145"}
    assert {e.cameo for e in code_text("The Russian embassy was demolished by Serbian protesters.")} == {"145"}


def test_an_act_done_while_rioting_is_part_of_the_riot(code_text):
    events = code_text("Kenyan prisoners rioted at the Nairobi jail, setting fire to mattresses.")
    assert [e.cameo for e in events] == ["145"]
    assert events[0].source.country == "KEN"


def test_soldiers_destroying_property_stay_coercion(code_text):
    assert {e.cameo for e in code_text("Israeli soldiers demolished a house in Hebron.")} == {"1712"}


def test_refugees_are_placed_by_what_they_flee(code_text):
    assert _dyads_of(code_text("The United Nations will send food to refugees fleeing the civil war in Liberia.")
                     ) == {("IGOUNO", "LBRREF", "073")}
    assert {e.target.code for e in code_text("Guinea sheltered thousands of refugees who fled fighting in Sudan.")
            } == {"SDNREF"}
    assert {e.target.code for e in code_text("Kenya deported refugees fleeing Somalia.")} == {"SOMREF"}
    # refugees who name their own country keep it
    assert {e.target.code for e in code_text("Uganda expelled Rwandan refugees fleeing the war in Congo.")} == {
        "RWAREF"}


def test_sabotage_of_infrastructure_destroys_property_of_the_place(code_text):
    assert _dyads_of(code_text("Afghan guerillas blew up two electric power lines leading into Kabul.")) == {
        ("AFGREB", "AFG", "1712")}
    assert _dyads_of(code_text("Colombian guerrillas blew up an oil pipeline.")) == {("COLREB", "COL", "1712")}
    assert _dyads_of(code_text("Rebels dynamited a railway bridge near the Peruvian town of Ayacucho.")) == {
        ("PERREB", "PER", "1712")}


def test_blocking_transport_is_obstruction(code_text):
    assert {e.cameo for e in code_text("Malian rebels blocked transport into Bamako on Tuesday.")} == {"144"}
    assert {e.cameo for e in code_text("Striking truckers blocked traffic into Santiago.")} == {"144"}
    assert {e.cameo for e in code_text("The United States blocked the draft resolution on Gaza.")} == {"129"}


def test_the_direct_object_decides_between_equally_specific_entries(code_text):
    # "bill" (veto row) is the object; "parliament" (obstruction row) only the place
    assert [e.cameo for e in code_text("Kenya's opposition blocked the budget bill in parliament.")] == ["129"]
    assert [e.cameo for e in code_text("Kenyan protesters blocked the entrance to parliament.")] == ["144"]


def _code_parsed(pipeline, text):
    """Code one sentence past the trigger screen: the extractor's rule alone, whatever the screen's word lists."""
    from dyads.actors.resolve import DocumentMemory
    from dyads.events.extract import SentenceContext

    doc = pipeline.nlp(text)
    return pipeline.extractor(doc[:], SentenceContext("t", 0, 0, len(text)), DocumentMemory())


def test_passive_violence_in_an_attack_is_done_by_the_attackers(code_text):
    # no "by" agent: the attack it happened in, with no doer named -> unidentified attackers of the place
    assert _dyads_of(code_text("At least three Iraqi civilians have been killed in a suicide car bombing in central "
                               "Baghdad, Iraqi police said.")) == {("IRQUAF", "IRQCVL", "1832")}
    assert _dyads_of(code_text("Two Pakistani soldiers were wounded in a roadside bombing near Peshawar.")) == {
        ("PAKUAF", "PAKMIL", "1833")}
    assert _dyads_of(code_text("Two Turkish journalists were injured in an explosion in Ankara on Sunday.")) == {
        ("TURUAF", "TURMED", "190")}
    assert {(e.source.code, e.target.code, e.cameo[:2]) for e in code_text(
        "Twelve Syrian villagers were killed during an air strike on the town of Idlib.")} == {
        ("SYRUAF", "SYRCVL", "19")}
    # an attack that names its doer: the doer, with the attack's own code
    assert _dyads_of(code_text("Six Lebanese civilians were killed in an Israeli air raid on Tyre.")) == {
        ("ISR", "LBNCVL", "195")}
    # no attack named: no one to code
    assert not code_text("A Kenyan journalist was killed in Nairobi.")


def test_a_verb_of_killing_keeps_its_code_when_the_attack_says_less(code_text):
    # "killed top leaders" is an assassination (186), which says more than the attack noun's 190
    assert _dyads_of(code_text("US drone attacks have killed three top al-Qaeda leaders in Yemen.")) == {
        ("USA", "IMGREBAQD", "186")}
    assert [e.cameo for e in code_text("A Russian air attack killed the rebel commander in Idlib.")] == ["186"]


def test_a_protest_against_a_governments_act_is_aimed_at_the_government(code_text):
    # "the Russian GOVERNMENT'S refusal": the government's, not just Russia's
    assert _dyads_of(code_text("A group of Chechen refugees are continuing a hunger strike in protest of the Russian "
                               "government's refusal to accept independence.")) == {("RUSREF", "RUSGOV", "142")}
    assert _dyads_of(code_text("Opposition activists continued a hunger strike in protest of the Kenyan government's "
                               "refusal to hold new elections.")) == {("KENCVL", "KENGOV", "142")}
    # a source with no country of its own is placed by the one country the purpose names
    assert _dyads_of(code_text("Islamic activists continued their hunger strike to demand the resignation of Algerian "
                               "President Ahmed Ben Bella.")) == {("DZACVL", "DZAGOV", "142")}


def test_stopping_work_is_a_strike_only_when_labour_stops(pipeline, code_text):
    assert _dyads_of(code_text(
        "Some 500,000 workers affiliated with the Serbian Workers' Union (SSS) stopped work on the first day of an "
        "open-ended strike on Monday over a controversial employment bill signed by Serbian Labour Minister Dragan "
        "Milovanovic.")) == {("SRBLAB", "SRBGOV", "143")}
    assert _dyads_of(_code_parsed(pipeline, "Thousands of Nigerian oil workers halted work over unpaid wages.")) == {
        ("NGALAB", "NGAGOV", "143")}
    assert _dyads_of(_code_parsed(pipeline, "Kenyan doctors have ceased work at public hospitals over unpaid "
                                            "salaries.")) == {("KENHLH", "KENGOV", "143")}
    # not labour, but the clause names the strike; "during a strike" is no strike called off (082)
    assert {e.cameo for e in _code_parsed(pipeline, "Greek farmers stopped work during a nationwide strike against "
                                                    "the Greek government's tax plan.")} == {"143"}
    # states and firms stop work on dams and roads: no protest
    for text in ("China stopped work on the dam after protests by villagers.",
                 "The Indian government halted work on the highway near the border.",
                 "The Turkish army suspended work on the border wall."):
        assert not [e for e in _code_parsed(pipeline, text) if e.cameo[:2] in ("14", "08")], text


def test_negotiations_are_coded_from_both_sides(code_text):
    assert _dyads_of(code_text(
        "The US commander in Iraq, General David Petraeus, held talks with President Michel Suleiman during a "
        "surprise visit to Beirut on Wednesday.")) >= {("USAMIL", "LBNGOV", "046"), ("LBNGOV", "USAMIL", "046")}
    assert _dyads_of(code_text("Iran negotiated with the European Union over its nuclear programme.")) == {
        ("IRN", "IGOEUR", "046"), ("IGOEUR", "IRN", "046")}
    assert _dyads_of(code_text("Germany opened negotiations with Poland on the border treaty.")) == {
        ("DEU", "POL", "046"), ("POL", "DEU", "046")}
    # "talks between", and a venue in one of the parties' own countries is no target
    assert _dyads_of(code_text("India and Pakistan held talks in Islamabad.")) == {
        ("IND", "PAK", "046"), ("PAK", "IND", "046")}
    # meetings and visits are one-way; a refusal or a denial is the subject's side only
    assert _dyads_of(code_text("The Russian president met with the Turkish foreign minister in Ankara.")) == {
        ("RUSGOV", "TURGOV", "040")}
    assert [e.source.code for e in code_text("Kenya refused to hold talks with Somali rebels.")] == ["KEN"]
    assert [e.source.code for e in code_text("Israel did not negotiate with Hamas.")] == ["ISR"]
    # what is discussed is no partner
    assert {e.source.country for e in code_text(
        "Barack Obama and David Cameron discussed the crisis in Syria on Friday.", date="2011-03-05")} == {"USA", "GBR"}


def test_security_forces_clashing_with_a_crowd_repress_it(code_text):
    assert _dyads_of(code_text("Police clashed with stone-throwing protesters in Cairo.")) == {
        ("EGYCOP", "EGYCVL", "175"), ("EGYCVL", "EGYCOP", "145")}
    assert _dyads_of(code_text("Indonesian riot police clashed with student demonstrators in Jakarta on Friday.")) == {
        ("IDNCOP", "IDNCVL", "175"), ("IDNCVL", "IDNCOP", "145")}
    assert _dyads_of(code_text("Protesters clashed with police in central Nairobi.")) == {
        ("KENCOP", "KENCVL", "175"), ("KENCVL", "KENCOP", "145")}
    assert _dyads_of(code_text("Kenyan police and demonstrators clashed in Mombasa.")) == {
        ("KENCOP", "KENCVL", "175"), ("KENCVL", "KENCOP", "145")}
    assert _dyads_of(code_text("Venezuelan soldiers fought with rioters outside the presidential palace.")) == {
        ("VENMIL", "VENCVL", "175"), ("VENCVL", "VENMIL", "145")}
    # armed forces fighting troops or rebels: force
    assert _dyads_of(code_text("Pakistani soldiers clashed with Indian troops along the border.")) == {
        ("PAKMIL", "INDMIL", "190")}
    assert {e.cameo for e in code_text("Turkish troops clashed with Kurdish rebels near the Iraqi border.")} == {"190"}


def test_owning_up_to_ones_own_attack_is_claiming_responsibility(code_text):
    assert _dyads_of(code_text("The US claimed that they had attacked Iraq.")) == {("USA", "IRQ", "015")}
    assert _dyads_of(code_text("Hamas claimed that it had fired rockets at Tel Aviv.")) == {
        ("PSEREBHMS", "ISR", "015")}
    assert _dyads_of(code_text("Russia acknowledged that its forces had shelled the Ukrainian village.")) == {
        ("RUS", "UKR", "015")}
    assert _dyads_of(code_text("The Taliban confessed that they had kidnapped the German engineers.")) == {
        ("AFGREBTAL", "DEU", "015")}
    assert _dyads_of(code_text("Turkey acknowledged that it had arrested two Greek journalists.")) == {
        ("TUR", "GRCMED", "015")}
    # someone else's act, or one suffered, is only reported
    assert _dyads_of(code_text("Iran claimed that Iraq attacked Kuwait.")) == {("IRQ", "KWT", "190")}
    assert _dyads_of(code_text("Israel said that Iraq attacked Kuwait.")) == {("IRQ", "KWT", "190")}
    assert _dyads_of(code_text("Iran claimed that it had been attacked by Iraq.")) == {("IRQ", "IRN", "190")}


def test_a_withdrawal_is_from_where_it_leaves_not_where_it_goes(code_text):
    assert {(e.source.code, e.target.code) for e in code_text(
        "Hundreds of UN troops withdrew from the Syrian to the Israeli-occupied sector of the Golan on Monday, an AFP "
        "correspondent said.") if e.cameo.startswith("08")} == {("IGOUNO", "SYR")}
    assert _dyads_of(code_text("Ethiopian troops have withdrawn from Somalia to Ethiopia.")) == {
        ("ETHMIL", "SOM", "0874")}
    assert _dyads_of(code_text("Serbian police pulled out of Kosovo into southern Serbia.")) == {
        ("SRBCOP", "XKX", "0874")}
    assert _dyads_of(code_text("Russian troops withdrew from Georgia to Russia.")) == {("RUSMIL", "GEO", "0874")}


def test_a_verb_after_a_passive_one_shares_its_subject(code_text):
    # the one indicted, sacked or attacked does the next act, not the agent of the passive
    assert ("MNEGOV", None, "0831") in _dyads_of(code_text(
        "Montenegro's prime minister has been indicted by the U.N. war crimes court for his alleged part in atrocities "
        "and will resign."))
    assert _dyads_of(code_text("Serbia's defence minister was accused by Croatia of war crimes and resigned the next "
                               "day.")) == {("HRV", "SRBMIL", "112"), ("SRBMIL", None, "0831")}
    assert ("BOLGOV", None, "0831") in _dyads_of(code_text(
        "Bolivia's interior minister was sacked by the president on Monday and has resigned from the party."))
    assert ("PAKGOV", None, "114") in _dyads_of(code_text(
        "The Pakistani envoy was summoned by the Indian foreign ministry and will lodge a protest."))
    # fighting back is aimed at the attackers
    assert _dyads_of(code_text("Indian troops were attacked by Pakistani rebels and fought back.")) == {
        ("PAKREB", "INDMIL", "190"), ("INDMIL", "PAKREB", "190")}
    # a bare participle is passive too, sharing the subject and the agent
    assert _dyads_of(code_text("Five Kurdish journalists were detained and questioned by Turkish police.")) == {
        ("TURCOP", "TURMED", "173"), ("TURCOP", "TURMED", "091")}
    assert ("IRNCOP", "IRNCVL", "0841") in _dyads_of(code_text(
        "Two Kurdish activists were arrested by Iranian police and later released."))
    assert _dyads_of(code_text("Two Israeli soldiers were ambushed and killed by Hamas militants.")) == {
        ("PSEREBHMS", "ISRMIL", "190")}


def test_a_description_of_the_speaker_is_no_event(code_text):
    assert _dyads_of(code_text(
        "The Sudanese government has accused Darfur rebels of violating a month-old ceasefire, a member of the Chadian "
        "team trying to broker a peace pact has said.")) == {("SDNGOV", "SDNREB", "112")}
    assert _dyads_of(code_text(
        "The Syrian Observatory for Human Rights, a Britain-based group that supports the opposition, said Russian "
        "jets bombed Idlib.")) == {("RUSMIL", "SYR", "195")}
    assert code_text("Qatar's envoy, who is mediating between the Sudanese rebels and the government, said the talks "
                     "had failed.") == []
    assert _dyads_of(code_text("Russian jets bombed Idlib, the Syrian Observatory, which backs the opposition, "
                               "reported.")) == {("RUSMIL", "SYR", "195")}
    # a finished act told about the speaker is still an event; a description of someone else is not touched
    assert ("IRN", "IRQ", "190") in _dyads_of(code_text(
        "Iran, which attacked Iraq last week, said it would hold talks with Turkey."))
    assert ("TCD", "SDNREB", "040") in _dyads_of(code_text(
        "Members of the Chadian team trying to broker a peace pact met Sudanese rebels on Monday."))


def test_a_refusal_despite_pressure_rejects_who_pressed(code_text):
    assert _dyads_of(code_text("Pakistan refused to extradite the suspects despite repeated appeals from India.")) == {
        ("PAK", "IND", "1213")}
    assert _dyads_of(code_text("Germany refused to extradite the suspect despite repeated requests from Turkey.")) == {
        ("DEU", "TUR", "1213")}
    assert _dyads_of(code_text("The Serbian government rejected the plan in defiance of calls by the European "
                               "Union.")) == {("SRBGOV", "IGOEUR", "120")}
    assert _dyads_of(code_text("Israel rejected the plan despite Egypt's appeals.")) == {("ISR", "EGY", "120")}
    assert _dyads_of(code_text("Ethiopia refused to hand over the fugitives in the face of repeated requests by "
                               "Kenya.")) == {("ETH", "KEN", "1213")}
    # a phrase that names no one who pressed gives no target
    assert _dyads_of(code_text("Turkey rejected the proposal despite pressure.")) == {("TUR", None, "120")}
    assert _dyads_of(code_text("Israel refused to withdraw its troops despite the rain.")) == {("ISR", None, "1246")}


def test_a_role_is_placed_by_its_own_place_phrase(code_text):
    # the sentence names other countries too: where the doers act places them
    assert _dyads_of(code_text(
        "Prisoners rioted at a jail in East Timor's capital Dili on Monday, joining thousands of demonstrators in "
        "demanding a referendum on independence from Indonesian rule.")) == {("TLSCRM", "IDN", "145")}
    assert _dyads_of(code_text("Dozens of prisoners at a jail in Caracas rioted, demanding an end to Colombian "
                               "extraditions.")) == {("VENCRM", "COL", "145")}
    assert _dyads_of(code_text("Protesters rallied in Caracas against Colombian military bases.")) == {
        ("VENCVL", "COL", "141")}
    assert _dyads_of(code_text("Students marched in Nairobi to protest against Ugandan troops in Somalia.")) == {
        ("KENEDU", "UGAMIL", "141")}
    # one country named: as before; a partitive head takes its role from the "of" phrase
    assert _dyads_of(code_text("Hundreds of inmates at a prison in Lima staged a hunger strike.")) == {
        ("PERCRM", "PERGOV", "142")}


def test_a_document_speaks_for_its_author(code_text):
    assert _dyads_of(code_text(
        "A 500-page report released Tuesday in the Rwandan capital alleged that France was aware of preparations for "
        "the genocide.")) == {("RWA", "FRA", "112")}
    assert _dyads_of(code_text("A report by Human Rights Watch accused Israeli forces of killing civilians in "
                               "Gaza.")) == {("NGOHRW", "ISR", "112")}
    assert _dyads_of(code_text("A statement issued by the Kenyan foreign ministry condemned the Ugandan army's "
                               "raid.")) == {("KENGOV", "UGAMIL", "111")}
    assert _dyads_of(code_text("A study published in Oslo accused Russia of breaching the treaty.")) == {
        ("NOR", "RUS", "112")}
    assert _dyads_of(code_text("A UN report accused Sudan of bombing villages in Darfur.")) == {
        ("IGOUNO", "SDN", "112")}
    # a document that is the subject of no verbal act speaks for no one
    assert code_text("The statement by the French presidency comes a day before the summit, seeking to mend ties "
                     "with China.") == []


def test_a_weapon_agent_stands_for_whoever_used_it(code_text):
    assert _dyads_of(code_text("The Israeli patrol was hit by a rocket fired by Hezbollah guerrillas.")) == {
        ("LBNREBHEZ", "ISR", "194")}
    assert _dyads_of(code_text("A Saudi airliner was struck by a drone launched by Houthi rebels.")) == {
        ("YEMREBHTH", "SAU", "195")}
    assert _dyads_of(code_text("The Malaysian airliner was shot down over eastern Ukraine by a missile believed to be "
                               "fired by Russian troops.")) == {("RUSMIL", "MYS", "194")}
    assert _dyads_of(code_text("Two Afghan soldiers were killed by a roadside bomb planted by Taliban militants.")) == {
        ("AFGREBTAL", "AFGMIL", "1833")}
    # a weapon naming no user: as before
    assert _dyads_of(code_text("A Syrian jet was shot down by a Turkish missile.")) == {("TURMIL", "SYRMIL", "194")}
    assert _dyads_of(code_text("Three Iraqi civilians were killed by a roadside bomb.")) == {
        ("IRQUAF", "IRQCVL", "1833")}


def test_a_fight_told_in_a_phrase_on_another_act(code_text):
    # the verb's subject fights whom the fight noun names, besides the verb's own event
    assert _dyads_of(code_text(
        "Vietnamese-led forces have retaken a strategic village in western Cambodia after fierce fighting with "
        "guerrillas who overran it late last month.")) >= {("VNM", "KHM", "192"), ("VNM", "KHMREB", "190")}
    assert _dyads_of(code_text("Sudanese troops seized the town after fighting with Chadian rebels.")) == {
        ("SDNMIL", "TCDREB", "190")}
    assert ("IRQMIL", "IMGREBISI", "190") in _dyads_of(code_text(
        "Iraqi troops advanced on Mosul amid fierce clashes with Islamic State militants."))
    assert _dyads_of(code_text("During three days of fighting with the Sri Lankan army, Tamil rebels seized two "
                               "towns.")) == {("LKAREB", "LKAMIL", "190")}
    assert _dyads_of(code_text("Russian troops took the town following a gun battle with Ukrainian soldiers.")) == {
        ("RUSMIL", "UKRMIL", "193")}
    # one event per dyad and root: the verb's own fight stays
    assert _dyads_of(code_text("Israeli soldiers shot two Hezbollah guerrillas in clashes with Hezbollah.")) == {
        ("ISRMIL", "LBNREBHEZ", "193")}
    # no fight: talks are no event of their own here, a fight that ended is a clause, a passive subject is no doer
    assert _dyads_of(code_text("Egyptian police arrested the men after talks with Israel.")) == {
        ("EGYCOP", "EGYCVL", "173")}
    assert _dyads_of(code_text("Indian troops retook the post after fighting ended.")) == {("INDMIL", None, "192")}
    assert code_text("Israeli soldiers were wounded in clashes with Hezbollah guerrillas.") == []
    # a statement after a fight is not the speaker's fight
    assert {e.cameo[:2] for e in code_text(
        "Egypt said after clashes with Libyan troops that it would reinforce the border.")} <= {"01", "02", "03",
                                                                                               "13", "15"}


def test_the_topic_of_a_meeting_is_no_party_to_it(code_text):
    # what talks, a summit or a meeting is ON / ABOUT / OVER is its topic; with no partner, a venue abroad is the target
    assert _dyads_of(code_text("Obama is scheduled to attend a summit in Switzerland on the unrest in Iran.",
                               date="2010-03-05")) == {("USAGOV", "CHE", "036")}
    assert _dyads_of(code_text("China held talks with Egypt on the Gaza crisis.")) == {
        ("CHN", "EGY", "046"), ("EGY", "CHN", "046")}
    assert _dyads_of(code_text("Germany will host a conference in Berlin about the war in Ukraine.")) == {
        ("DEU", None, "043")}
    assert _dyads_of(code_text("The Japanese prime minister met in Geneva on the crisis in Sudan.")) == {
        ("JPNGOV", "CHE", "040")}
    # a venue in the source's own country is where, not whom
    assert _dyads_of(code_text("The Turkish president held talks in Ankara on the refugee crisis.")) == {
        ("TURGOV", None, "046")}
    # negatives: "on" still names the target of acts other than meetings
    assert _dyads_of(code_text("Russia imposed sanctions on Ukraine.")) == {("RUS", "UKR", "163")}
    assert _dyads_of(code_text("Turkey called on Israel to halt the attacks.")) == {("TUR", "ISR", "0256")}


def test_a_reflexive_object_is_the_source_itself(code_text):
    assert _dyads_of(code_text("Iraq had attacked itself.")) == {("IRQ", "IRQ", "190")}
    assert _dyads_of(code_text("Hamas militants attacked themselves.")) == {("PSEREBHMS", "PSEREBHMS", "190")}
    assert _dyads_of(code_text("The Syrian army shelled itself by mistake.")) == {("SYRMIL", "SYRMIL", "194")}
    # negatives: a later phrase naming another party outranks it; an emphatic "himself" is no object
    assert _dyads_of(code_text("Israel defended itself against Hamas.")) == {("ISR", "PSEREBHMS", "052")}
    assert _dyads_of(code_text("The Iranian president himself criticized Israel.")) == {("IRNGOV", "ISR", "111")}


def test_agentless_passive_retreat_codes_the_retreating_side(code_text):
    assert _dyads_of(code_text("One third of ethnic Albanian guerrillas operating in Macedonia have been demobilized "
                               "since the August accord.", date="2001-10-05")) == {("MKDREB", "MKD", "0873")}
    assert _dyads_of(code_text("Thousands of Russian troops were withdrawn from Georgia.")) == {
        ("RUSMIL", "GEO", "0874")}
    assert _dyads_of(code_text("Two thousand Syrian soldiers were withdrawn from Lebanon.")) == {
        ("SYRMIL", "LBN", "0874")}
    assert _dyads_of(code_text("Half of the Ethiopian soldiers stationed in Somalia were pulled out.")) == {
        ("ETHMIL", "SOM", "0874")}
    # negatives: an agent named stays the source; a declared ceasefire is no doer
    assert {e.source.code for e in code_text("Rebel fighters were disarmed by UN peacekeepers in Liberia.")} == {
        "IGOUNOPKO"}
    assert code_text("A ceasefire was declared in Sudan.") == []


def test_an_invitation_is_aimed_at_whom_its_act_would_meet(code_text):
    """Accepting or refusing an invitation is aimed at whom it was to meet or visit: the object of its infinitive or
    that object's parties; an inviter named with "from" still comes first."""
    def dyads(text):
        return {(e.source.country, e.target.country if e.target else None, e.cameo[:2]) for e in code_text(text)}

    assert dyads("Iran accepted an invitation to visit Moscow next month.") == {("IRN", "RUS", "03")}
    assert dyads("Hamas rejected an invitation to attend talks with Fatah in Cairo.") == {("PSE", "PSE", "12")}
    assert dyads("The Palestinian Islamic Jihad movement rejected an invitation to attend a meeting next week of "
                 "Palestinian factions.") == {("PSE", "PSE", "12")}
    assert dyads("India accepted an invitation from Japan to attend the G7 summit.") == {("IND", "JPN", "03")}
    assert dyads("Iran rejected the invitation.") == {("IRN", None, "12")}


def test_the_content_of_an_allegation_is_reported_not_asserted(code_text):
    """An act told in the that-clause of a claim noun is someone's claim, as with the verb "alleged that"."""
    claimed = code_text("Ghana's government investigated an allegation that Togolese troops had attacked a border "
                        "post in Ghana.")
    assert {(e.source.country, e.cameo[:2], e.modality.value) for e in claimed if e.cameo[:2] == "19"} == {
        ("TGO", "19", "reported")}
    told = code_text("Togolese troops attacked a border post in Ghana on Monday.")
    assert {e.modality.value for e in told if e.cameo[:2] == "19"} == {"asserted"}
