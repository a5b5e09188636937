from dyads.events.ontology import load_ontology


def test_every_cameo_root_has_a_name_and_goldstein():
    onto = load_ontology()
    roots = [c for c in onto.codes() if len(c) == 2]
    assert roots == [f"{i:02d}" for i in range(1, 21)]
    assert all(onto.goldstein(r) is not None for r in roots)


def test_known_facts_of_the_codebook():
    onto = load_ontology()
    assert onto.name("0332") == "Express intent to provide military aid"
    assert onto.goldstein("195") == -10.0
    assert onto.goldstein("057") == 8.0
    assert len(onto.codes()) == 312


def test_plover_crosswalk_types():
    onto = load_ontology()
    assert onto.plover("0332").type == "AGREE"
    assert onto.plover("043").type == "CONSULT"
    assert onto.plover("1056").type == "REQUEST"
    assert onto.plover("0231").type == "REQUEST"  # appeals: dyads' documented choice
    assert onto.plover("010") is None  # statements have no PLOVER type
    assert onto.plover("195").type == "ASSAULT"


def test_parent_walks_to_the_root():
    onto = load_ontology()
    assert onto.parent("0332") == "033"
    assert onto.parent("033") == "03"
    assert onto.parent("03") is None


def test_a_resignation_is_plover_retreat_resign(code_text):
    """PLOVER's own definitions: "RETREAT also covers resignations of government officials" (mode resign), though the
    draft crosswalk puts 0831 under CONCEDE; a resignation still to come is a promise (AGREE)."""
    done = [e for e in code_text("Peru's interior minister resigned on Monday after protests in Lima.") if e.cameo == "0831"]
    assert [(e.source.country, e.plover, e.plover_mode) for e in done] == [("PER", "RETREAT", "resign")]
    promised = [e for e in code_text("Peru's interior minister will resign next week.") if e.cameo == "0831"]
    assert [e.plover for e in promised] == ["AGREE"]
