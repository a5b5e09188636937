"""From a noun phrase in a parsed sentence to a coded `Actor`, at a given date.

The resolver looks at the phrase a head noun governs ("Egypt's army", "Chinese Foreign Minister Wang Yi",
"Pakistani troops", "the White House") and composes what its parts say:

1. a person from the leaders table, coded by the office held on the event's date (a former holder is ELI);
2. an organisation or a seat of power ("Hamas", "the Kremlin"), which carries its own code;
3. a country from a name, a demonym or a capital, with the role that the head noun or a title gives
   ("army" -> MIL, "minister" -> GOV; a capital alone stands for the government);
4. otherwise, a phrase with only a role ("the minister", "the army") or a short name ("Wang") is resolved against
   the actors already seen in the same document (`DocumentMemory`);
5. partitive heads ("members of", "leaders of", "the head of") and appositions ("Kenzo Oshima, the United Nations
   relief coordinator") borrow the actor of the phrase they point to;
6. an organisation name that no table lists is coded by its head word ("the Serbian Journalists' Association" ->
   SRBMED, "the Ceasefire Violations Committee (CFVC)" -> NGO), and a generic group with no country named ("a
   human rights group") is a non-governmental actor (NGOHRI);
7. ethnic and religious groups stand for the state they live in ("Chechen refugees" -> RUSREF), or for the state
   the sentence places them in; ambiguous names are read by the countries named around them ("Tripoli" in a
   sentence about "the north Lebanese port" is Lebanese).

Every `Actor` names the table row that matched (``entry``) so that a coding can be audited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from dyads.actors.dictionary import ActorDictionary, NameEntry
from dyads.actors.spelling import build_spelling_index, marked
from dyads.model import Actor

#: Dependents of a head noun that belong to its phrase for actor purposes.
PHRASE_DEPS = {"compound", "amod", "poss", "nmod", "det", "case", "flat", "nummod", "quantmod", "punct", "npadvmod"}
#: Heads that name a part of something else: "members of X", "the head of X".
PARTITIVE = {
    "member", "leader", "official", "head", "chief", "representative", "delegation", "delegate", "envoy", "part",
    "group", "unit", "faction", "team", "side", "wing", "spokesman", "spokeswoman", "spokesperson", "minister",
    "president", "government", "ministry", "army", "force", "troop", "soldier", "police", "authority", "leadership",
    "commander", "negotiator", "diplomat", "ambassador", "embassy", "office", "cabinet", "parliament", "court",
    "thousand", "hundred", "dozen", "million", "score", "crowd", "number", "majority", "minority", "band",
}
#: Heads that name the followers of what their "of" phrase names: "supporters OF Hamas" are Hamas's (as "Hamas
#: supporters" are); followers of a state, its government or a politician are that country's civilians.
SUPPORTERS = {"supporter", "follower", "loyalist", "backer", "partisan", "sympathizer", "sympathiser", "devotee"}
#: Roles of a person or body whose followers are citizens, not members: "supporters of the president" -> CVL.
FOLLOWED_PERSONS = {None, "GOV", "MIL", "COP", "SPY", "LEG", "JUD", "ELI"}
#: Prepositions that place a role-only group in a country: "rebels IN the Ivory Coast", "students THROUGHOUT
#: Indonesia", "doctors FROM American aid groups".
PLACEMENT_PREPS = {"in", "throughout", "across", "from"}
FORMER = {"former", "ex", "ex-", "then", "then-", "erstwhile", "ousted", "deposed", "late"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"it", "they", "we", "its", "their", "them"}
#: Nouns for a leader's government: "the Bush ADMINISTRATION", "Erdogan's GOVERNMENT".
REGIME_NOUNS = {"administration", "government", "cabinet", "regime", "camp", "team", "coalition"}
HEAD_OFFICES = {"head of state", "head of government"}
#: Entry kinds that name a state (or a place in one): what an ambiguous name is read against.
PLACE_KINDS = {"country", "capital", "demonym", "place"}
#: Sectors of a group that, with no country named, is a non-governmental actor ("a human rights group" -> NGOHRI).
CIVIL_SECTORS = {"NGO", "HRI", "ENV"}
#: Sectors that only a state has: an unlisted body with one of these and no state named stays unknown.
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "LEG"}
#: Heads of a group that belongs to the state that settled it, not to the land it lives in: "Jewish SETTLERS in
#: Hebron" are Israeli civilians, "Moroccan SETTLERS in Western Sahara" Moroccan.
SETTLERS = {"settler", "colonist"}
#: Heads that name a client of their possessor, not a part of it: "Israel's militia ALLY in southern Lebanon", "Iran's
#: PROXIES in Yemen" are actors of where they are, not of their patron.
CLIENT_NOUNS = {"ally", "proxy", "client", "surrogate", "protege", "protégé"}
#: Heads that make a people's name its elite: "Yoruba LEADERS", "Pashtun tribal CHIEFS" (not its state's government).
PEOPLE_ELITES = {"leader", "chief", "notable", "figure"}
#: Prepositions of an organisation's own name: "the Association OF African Jurists", "Centre FOR Human Rights".
NAME_PREPS = {"of", "for", "to", "on", "against"}


@dataclass(slots=True)
class DocumentMemory:
    """Actors seen so far in one document, for short references and pronouns."""

    leaders: dict[str, Actor] = field(default_factory=dict)
    """family name -> the leader named in full earlier, as coded there (title and tenure already weighed)."""
    last_person: Actor | None = None
    by_head: dict[str, Actor] = field(default_factory=dict)
    """head noun lemma ("minister", "army") -> the actor it last stood for with a country named."""
    last_country: str | None = None
    last_thing: Actor | None = None
    """The last state or organisation that was a subject: what a later "it" stands for."""
    last_group: Actor | None = None
    """The last plural group that was a subject ("the rebels", "the Egyptians"): what a later "they" stands for."""
    last_groups: list[Actor] = field(default_factory=list)
    """The coordinated main-clause subjects of the last sentence that had any ("Iran and Russia held talks")."""
    countries: set[str] = field(default_factory=set)
    """Every country an actor of the document has had: what a short form ("the North") is read against."""
    acronyms: dict[str, Actor] = field(default_factory=dict)
    """An unlisted organisation's acronym, given in parentheses ("the Ceasefire Violations Committee (CFVC)")."""

    def remember(self, actor: Actor, entry: NameEntry | None = None, head: str | None = None) -> None:
        if actor.country:
            self.last_country = actor.country
            self.countries.add(actor.country)
        if head and actor.role and actor.country:
            self.by_head[head] = actor
        if actor.name:
            self.last_person = actor
        if entry is not None and entry.kind == "leader":
            parts = entry.name.split()
            # The family name comes last in most names and first in Chinese, Korean and others ("Wang Yi" -> Wang).
            for short in {parts[0], parts[-1]} if len(parts) > 1 else {parts[-1]}:
                self.leaders[short] = actor


class ActorResolver:
    """Finds and codes actor mentions in parsed sentences. Build once per process; call per sentence."""

    def __init__(self, vocab: Vocab, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self.matcher = PhraseMatcher(vocab, attr="ORTH")
        # the model's own words are known words, never misspellings: read them before any text adds to the store
        self.spelling = build_spelling_index(dictionary, vocab.strings)

    def add_patterns(self, make_doc: Callable[[str], Doc]) -> None:
        """Compile the name patterns with the pipeline's tokenizer (``nlp.make_doc``), once."""
        for surface in self.dictionary.names:
            self.matcher.add(surface, [make_doc(surface)])
        for surface, readings in self.dictionary.readings.items():
            if surface not in self.dictionary.names and any(r.scope == "sentence" for r in readings):
                self.matcher.add(surface, [make_doc(surface)])  # "Hyderabad": known only by its readings

    # -- finding names ---------------------------------------------------------------------------------------
    def find_names(self, doc: Doc | Span) -> dict[int, tuple[Span, list[NameEntry]]]:
        """Map each token index covered by a known name to (the name's span, its entries); longest match wins."""
        spans = [Span(doc if isinstance(doc, Doc) else doc.doc, s, e, label=k) for k, s, e in self.matcher(doc)]
        letters = [c for c in doc.text if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) > 0.8 * len(letters):
            # An all-capital headline: short capitalised names ("US", "IS") are ordinary words here.
            spans = [s for s in spans if not (len(s.text) <= 3 and s.text.isupper())]
        spans.sort(key=lambda s: (-(s.end - s.start), s.start))
        taken: dict[int, tuple[Span, list[NameEntry]]] = {}
        for span in spans:
            if any(i in taken for i in range(span.start, span.end)):
                continue
            entries = self.dictionary.names.get(span.text) or self.dictionary.names.get(span.label_, [])
            for i in range(span.start, span.end):
                taken[i] = (span, entries)
        self._read_damaged(doc, taken)
        self._reread(taken)
        return taken

    def _read_damaged(self, doc: Doc | Span, taken: dict[int, tuple[Span, list[NameEntry]]]) -> None:
        """Capitalised words that no table lists, read as a misspelt or case-damaged country, demonym or leader
        name ("Ethopia", "Laurent Gbago", "iSrael"; see `dyads.actors.spelling`). Longest runs first."""
        base = doc if isinstance(doc, Doc) else doc.doc
        offset = 0 if isinstance(doc, Doc) else doc.start
        texts = [t.text if t.i not in taken else "" for t in doc]
        for s, e, (surface, entries, how) in self.spelling.read_runs(texts):
            span = Span(base, offset + s, offset + e, label=surface)
            entries = marked(entries, span.text, surface, how)
            for i in range(span.start, span.end):
                taken[i] = (span, entries)

    def _reread(self, taken: dict[int, tuple[Span, list[NameEntry]]]) -> None:
        """Read each ambiguous name by the other countries its sentence names: "Tripoli" with "Lebanese" -> LBN.
        A name keeps its table entry when no reading's cue is named, or when the cue agrees with that entry."""
        spans = {span.start: (span, entries) for span, entries in taken.values()}
        for start, (span, entries) in spans.items():
            readings = [r for r in self.dictionary.readings.get(span.text, []) if r.scope == "sentence"]
            if not readings:
                continue
            named = named_countries(taken, keep=lambda other: other.start != start)
            picks = {r.iso3: r for r in readings if r.cues & named}
            if len(picks) != 1 or next(iter(picks)) in {e.country for e in entries}:
                continue
            r = next(iter(picks.values()))
            entry = NameEntry("place", r.iso3, r.iso3, None, span.text, r.source, office="city")
            for i in range(span.start, span.end):
                taken[i] = (span, [entry])

    # -- roles ---------------------------------------------------------------------------------------------
    def role_of(self, token: Token) -> tuple[str, str, str] | None:
        """The role a noun or title gives, trying the longest term ending at this token ("foreign minister")."""
        lemma = token.lemma_.lower()
        if token.tag_ == "NNPS" and lemma == token.lower_:
            lemma = _singular(lemma)  # "Radical ISLAMISTS attacked": spaCy leaves a capitalised plural unlemmatised
        doc = token.doc
        for width in (3, 2):
            start = token.i - width + 1
            if start >= 0 and all(doc[j].head.i == token.i or doc[j].head.i > j for j in range(start, token.i)):
                words = [doc[j].lower_ for j in range(start, token.i)] + [lemma]
                hit = self.dictionary.roles.get(" ".join(words))
                if hit:
                    return None if hit[1] == "doer" and not _is_doer(token) else hit
        hit = self.dictionary.roles.get(lemma) or self.dictionary.roles.get(token.lower_)
        if hit is not None and hit[1] == "doer" and not _is_doer(token):
            return None  # "prisoners RIOTED" are criminals (CRM); "demanded the release of prisoners" names no role
        return hit

    def titled_stranger(self, head: Token, source_countries: set[str]) -> Actor | None:
        """A person no table lists, named with a title, as a target ("an appeal from President Laurent X", "met
        Prime Minister Y"): the title's role in the one country the sentence names besides the source's, or in the
        source's own country when the sentence names no other (the domestic default). Two or more other countries
        leave it unknown."""
        if head.pos_ != "PROPN" or not head.text[:1].isupper():
            return None
        title = next((r for t in self.phrase(head) if t is not head and t.pos_ == "PROPN"
                      and (r := self.role_of(t)) is not None and r[1] in ("title", "both")), None)
        if title is None:
            return None
        names = self.find_names(head.sent)
        if any(i in names for i in range(head.left_edge.i, head.i + 1)):
            return None  # a listed name or a country in the phrase: the resolver's own business
        named = named_countries(names)
        others = named - source_countries
        if len(others) > 1 or (not others and len(source_countries) != 1):
            return None
        country = next(iter(others or source_countries))
        where = "the one other country the sentence names" if others else "the source's country (no other named)"
        return Actor(code=country + title[0], country=country, role=title[0], text=_person_name(head, {}) or head.text,
                     name=_person_name(head, {}), entry=f"{title[2]} title {title[0]}; unlisted person; {where}")

    # -- composing a phrase -------------------------------------------------------------------------------------
    def phrase(self, head: Token) -> list[Token]:
        """The head and its left-hand modifiers that can carry actor information."""
        out = [head]
        stack = [c for c in head.lefts if c.dep_ in PHRASE_DEPS]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(c for c in t.children if c.dep_ in PHRASE_DEPS and c.i < head.i)
        return sorted(out, key=lambda t: t.i)

    def resolve(
        self,
        head: Token,
        names: dict[int, tuple[Span, list[NameEntry]]],
        *,
        on: date | None,
        memory: DocumentMemory | None = None,
        _depth: int = 0,
    ) -> Actor | None:
        """The actor that the phrase headed by ``head`` stands for, or None."""
        memory = memory or DocumentMemory()
        tokens = self.phrase(head)
        # A name that continues to the right of the head ("Wang Yi" headed at "Wang" in odd parses).
        if head.i in names:
            span = names[head.i][0]
            tokens = sorted({*tokens, *span}, key=lambda t: t.i)
        text = head.doc[tokens[0].i : tokens[-1].i + 1].text
        found: dict[str, tuple[Span, NameEntry]] = {}
        seen_spans: set[int] = set()
        for t in tokens:
            if t.i in names and names[t.i][0].start not in seen_spans:
                span, entries = names[t.i]
                seen_spans.add(span.start)
                for e in entries:
                    found.setdefault(e.kind, (span, e))
        if head.lemma_.lower() in CLIENT_NOUNS and any(c.dep_ == "poss" for c in head.children):
            return self._client(head, names, on, memory, _depth)
        role_hit = self.role_of(head)
        title_role = None
        for t in tokens:
            if t is not head and t.i not in names:
                r = self.role_of(t)
                if r and r[1] in ("title", "both"):
                    title_role = r
        former = any(t.lower_ in FORMER for t in tokens) or any(t.lower_.startswith("then-") for t in tokens)

        actor = self._compose(found, role_hit, title_role, former, text, on, head, names)
        if actor is None and head.lemma_.lower() in REGIME_NOUNS:
            actor = self._leaders_government(head, text, on)
        if (actor is None or not actor.role) and _depth < 3:
            actor = self._named_organisation(head, names, on, memory, _depth) or actor
        ethnic = any(t.lower_ == "ethnic" for t in tokens)  # "ethnic Albanian guerrillas": the modifier is a people
        people = next((found[k] for k in ("demonym", "people") if k in found
                       and (ethnic or found[k][0].start <= head.i < found[k][0].end)), None)
        if people is not None and (actor is None or not actor.role or people[1].kind == "people" or ethnic) \
                and _depth < 3:
            actor = self._placed_people(head, names, on, people[1], actor, text, _depth, ethnic=ethnic) or actor
        if actor is None and _depth < 3:
            actor = self._borrow(head, names, on=on, memory=memory, role_hit=role_hit, depth=_depth)
        if actor is None and role_hit is not None and role_hit[0] == "REF":
            actor = self._fled_from(head, names, role_hit, text)
        if actor is None:
            actor = self._from_memory(head, text, role_hit or title_role, memory, on)
        if actor is None and role_hit is not None:
            actor = self._unplaced_group(head, text, role_hit)
        if actor is None and head.ent_type_ == "PERSON" and head.lower_ not in PERSON_PRONOUNS:
            memory.last_person = None  # "he" now refers to this unknown person, not to an earlier known one
        if actor is not None and actor.code:
            leader = found.get("leader")
            memory.remember(actor, leader[1] if leader else None, head.lemma_.lower() if head.pos_ == "NOUN" else None)
            if actor.name is None and role_hit and role_hit[1] in ("title", "both") and head.tag_ == "NN" \
                    and head.lower_ not in PERSON_PRONOUNS:
                memory.last_person = actor  # "Egypt's foreign minister ... HE signed": a single office-holder
            elif head.dep_ in ("nsubj", "nsubjpass") and actor.name is None and head.lower_ not in GROUP_PRONOUNS:
                if head.tag_ in ("NNS", "NNPS"):
                    memory.last_group = actor
                elif not any(c.dep_ == "conj" for c in head.children):
                    memory.last_thing = actor
        return actor

    def _compose(self, found, role_hit, title_role, former, text, on, head, names):  # type: ignore[no-untyped-def]
        if "leader" in found:
            span, _ = found["leader"]
            entry = pick_tenure(names[span.start][1], on)
            if entry is not None and on is not None and not entry.holds_office_on(on) and "organisation" in found:
                entry = None  # "UN Secretary-General Antonio Guterres": his organisation, not a past national office
            if entry is not None:
                holds = on is None or entry.holds_office_on(on)
                if former:
                    role = "ELI"
                elif holds:
                    role = entry.role
                elif title_role is not None:
                    role = title_role[0]  # the text calls them by a current title: trust it over the table's gaps
                elif on is not None and _between_offices(names[span.start][1], on):
                    role = entry.role  # between two listed offices: still in government, in a post not listed
                else:
                    role = "ELI"  # named without a title outside every listed tenure: a former office-holder
                return Actor(code=f"{entry.country}{role}", country=entry.country, role=role, text=text,
                             name=entry.name, entry=f"{entry.source} {entry.name} ({entry.office})")
        for kind in ("organisation", "seat"):
            if kind in found:
                span, e = found[kind]
                e = pick_dated([x for x in names[span.start][1] if x.kind == kind], on)
                if e is None:
                    continue  # "FIS" in 2020: the Algerian party's rows hold at other dates
                person = (_person_name(head, names)
                          if head.ent_type_ == "PERSON" and not span.start <= head.i < span.end else None)
                return Actor(code=e.code, country=e.country, role=e.role, text=text, name=person,
                             entry=f"{e.source} {e.name}")
        for kind in ("country", "capital", "demonym", "place", "people"):
            if kind not in found or not found[kind][1].country:
                continue  # a people spread over several states names none ("Kurdish fighters")
            span, e = found[kind]
            role = None
            head_is_name = head.i in range(span.start, span.end)
            if role_hit and not head_is_name:
                role = role_hit[0]
            elif title_role:
                role = title_role[0]
            elif kind == "capital":
                role = "GOV"
            elif kind == "people":
                # "the Rohingya": the group's civilians; "Yoruba leaders": its elites (CAMEO ELI, as "Ibo elders")
                role = "ELI" if head.lemma_.lower() in PEOPLE_ELITES and not head_is_name else e.role
            if former and role == "GOV":
                role = "ELI"
            person = _person_name(head, names) if head.ent_type_ == "PERSON" and not head_is_name else None
            group = f" ({e.office})" if kind == "people" and e.office else ""
            if kind == "people" and role == "ELI" and not (role_hit or title_role):
                group += f"; '{head.text}' of a people: its elite"
            return Actor(code=e.country + (role or ""), country=e.country, role=role, text=text, name=person,
                         entry=f"{e.source} {kind} {span.text}{group}" + (f"; role {role_hit[2] if role_hit else title_role[2]}" if role and (role_hit or title_role) else ""))
        return None

    def _leaders_government(self, head, text: str, on: date | None) -> Actor | None:  # type: ignore[no-untyped-def]
        """"The Bush administration", "Erdogan's government": a leader's surname on a government noun is that
        leader's government, if the surname names one state's leaders (holding office on the date when known)."""
        for mod in head.children:
            if mod.dep_ not in ("compound", "poss") or mod.pos_ != "PROPN":
                continue
            entries = [e for e in self.dictionary.surnames.get(mod.text, []) if e.office in HEAD_OFFICES]
            if on is not None:
                entries = [e for e in entries if e.holds_office_on(on)] or entries
            if entries and len({e.country for e in entries}) == 1:
                e = entries[0]
                return Actor(code=f"{e.country}GOV", country=e.country, role="GOV", text=text, name=e.name,
                             entry=f"{e.source} {e.name} ('{mod.text} {head.text}')")
        return None

    def _named_organisation(self, head, names, on, memory: DocumentMemory, depth: int) -> Actor | None:  # type: ignore[no-untyped-def]
        """An organisation name that no table lists, coded by its head word (``org_heads.tsv``): "the Serbian
        Journalists' Association" -> SRBMED, "the Association of African Jurists" -> NGOJUD, "the Ceasefire
        Violations Committee (CFVC)" -> NGO. Only proper names count: a capitalised head with a capitalised
        modifier, an "of"/"for" phrase naming something, or an acronym in parentheses. With no word for its sector,
        the head's sector applies: its state-side one with a country in front ("the Kenya Anti-Corruption
        Commission" -> KENGOV), its civil one otherwise, and none for a council, commission or union (IGO, NGO or
        party: "the Muslim Council of Britain", "the Christian Democratic Union" stay unknown)."""
        oh = self.dictionary.org_heads.get(("name", head.lemma_.lower())) or \
            self.dictionary.org_heads.get(("name", head.lower_))
        if oh is None or head.pos_ != "PROPN" or not head.text[:1].isupper() or head.i in names:
            return None
        left = [t for t in self.phrase(head) if t is not head and t.dep_ != "det" and t.text[:1].isupper()]
        inner = [t for c in head.children if c.dep_ == "prep" and c.lower_ in NAME_PREPS
                 for p in c.children if p.dep_ == "pobj" and p.text[:1].isupper() for t in p.subtree]
        acronym = next((c for c in head.children if c.dep_ == "appos" and c.text.isupper() and len(c.text) > 1), None)
        if not (left or inner or acronym):
            return None
        country = next((e.country for t in [*left, *inner] if t.i in names for e in names[t.i][1]
                        if e.kind in PLACE_KINDS and e.country), None)
        in_front = country is not None and any(t.i in names and any(e.country == country for e in names[t.i][1])
                                               for t in left)
        sector = self._name_sector([*left, *inner]) or (oh.with_country if in_front else oh.without_country)
        if not sector or (country is None and sector in STATE_SECTORS):
            return None  # "the International Whaling Commission", "the Christian Democratic Union": IGO? party?
        code = country + sector if country else "NGO" + ("" if sector == "NGO" else sector)
        text = head.doc[min(t.i for t in [head, *left]): max(t.i for t in [head, *inner]) + 1].text
        actor = Actor(code=code, country=country, role=sector, text=text,
                      entry=f"{oh.source} unlisted organisation '{head.text}'")
        if acronym is not None:
            memory.acronyms[acronym.text] = actor
        return actor

    def _name_sector(self, words: list[Token]) -> str | None:
        """The sector a word in an unlisted organisation's name gives: a role noun ("Workers'", "Jurists") or a
        sector word of ``org_heads.tsv`` ("Rights"). State roles do not count: "the Military Veterans' Association"."""
        for t in words:
            if t.pos_ not in ("NOUN", "PROPN", "ADJ"):
                continue
            low = t.lower_.rstrip("'")
            for term in (t.lemma_.lower(), low, low[:-1] if low.endswith("s") else low):
                hit = self.dictionary.roles.get(term)
                if hit is not None and hit[1] != "title" and hit[0] not in STATE_SECTORS:
                    return hit[0]
                word = self.dictionary.org_heads.get(("sector", term))
                if word is not None:
                    return word.with_country
        return None

    def _client(self, head: Token, names, on: date | None, memory: DocumentMemory,  # type: ignore[no-untyped-def]
                depth: int) -> Actor | None:
        """A possessor's ally or proxy ("Israel's militia ALLY in southern Lebanon") is no organ of the possessor:
        it is an actor of the country it is placed in (its "in" phrase), with the role its modifiers give (militia ->
        REB), or unknown when it is placed nowhere."""
        if depth >= 3:
            return None
        role = next((r for m in head.children if m.dep_ in ("compound", "amod") and (r := self.role_of(m))), None)
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACEMENT_PREPS:
                continue
            for pobj in prep.children:
                place = self.resolve(pobj, names, on=on, memory=memory, _depth=depth + 1) if pobj.dep_ == "pobj" \
                    else None
                if place is not None and place.country and not place.role:
                    code = place.country + (role[0] if role else "")
                    text = head.doc[min(t.i for t in head.subtree):max(t.i for t in head.subtree) + 1].text
                    return Actor(code=code, country=place.country, role=role[0] if role else None, text=text,
                                 entry=f"{place.entry}; a client placed by '{prep.lower_}', not its patron"
                                       + (f"; role {role[2]}" if role else ""))
        return None

    def _unplaced_group(self, head, text: str, role: tuple[str, str, str]) -> Actor | None:  # type: ignore[no-untyped-def]
        """A civil-society group named only by what it does, with no country anywhere in reach ("a human rights
        group protested", "aid agencies warned"): CAMEO codes it NGO with its sector (NGOHRI)."""
        noun = self.dictionary.org_heads.get(("noun", head.lemma_.lower()))
        if noun is None or role[0] not in CIVIL_SECTORS or head.pos_ != "NOUN":
            return None
        return Actor(code="NGO" + ("" if role[0] == "NGO" else role[0]), role=role[0], text=text,
                     entry=f"{role[2]} role {role[0]}; {noun.source} group with no country named")

    def _placed_people(self, head, names, on, people: NameEntry, actor: Actor | None, text: str,  # type: ignore[no-untyped-def]
                       depth: int, *, ethnic: bool = False) -> Actor | None:
        """A people named by its demonym or group name and placed in another state is coded by where it lives:
        "the Albanians OF southern Serbia", "ethnic Albanians IN Serbia", "Kurds in Syria" are actors of that state
        (CAMEO codes minorities by residence); a group keeps its table role ("Kurds in Syria" -> SYRCVL), an
        "ethnic" one its head's role or civilians. A group of peoples.tsv or marked "ethnic" is also placed by its
        participle or its verb ("ethnic Albanian guerrillas OPERATING IN Macedonia", "ethnic Albanians DEMONSTRATED
        IN Serbia"); a plain demonym is not ("Russian troops fought in Syria" stay Russian)."""
        if head.lemma_.lower() in SETTLERS:
            return None  # settlers keep the country of their people, wherever the settlement lies
        role = people.role if people.kind == "people" else (actor.role if actor is not None and actor.role
                                                            else ("CVL" if ethnic else None))
        own = actor.entry if actor is not None else f"{people.source} {people.kind} {people.name}"
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "of"):
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    place = self.resolve(pobj, names, on=on, memory=DocumentMemory(), _depth=depth + 1)
                    if place is not None and place.country and place.country != people.country:
                        return Actor(code=place.country + (role or ""), country=place.country, role=role,
                                     text=f"{text} {child.lower_} {place.text}",
                                     entry=f"{own}; living in {place.entry}")
        if people.kind != "people" and not ethnic:
            return None
        for verb, pobj in _residence_phrases(head):
            place = self._place_of(pobj, names)
            if place is not None and place[1] != people.country:
                return Actor(code=place[1] + (role or ""), country=place[1], role=role,
                             text=f"{text} ({verb.text} in {place[0]})", entry=f"{own}; {verb.text} in {place[0]}")
        return None

    @staticmethod
    def _place_of(tok: Token, names) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
        """The name and country of a place, capital or country named at ``tok`` ("Macedonia", "Skopje")."""
        if tok.i not in names:
            return None
        span, entries = names[tok.i]
        e = next((x for x in entries if x.kind in ("country", "capital", "place") and x.country), None)
        return (span.text, e.country) if e is not None else None

    def _fled_from(self, head, names, role_hit: tuple[str, str, str], text: str) -> Actor | None:  # type: ignore[no-untyped-def]
        """Refugees who name no country of their own are placed by what they flee: "refugees FLEEING the civil
        war IN LIBERIA", "refugees who FLED fighting in Sudan", "refugees fleeing Liberia" -> LBRREF."""
        for verb in (c for c in head.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in FLIGHT_VERBS):
            for place in _fled_places(verb):
                hit = self._place_of(place, names)
                if hit is not None:
                    return Actor(code=hit[1] + role_hit[0], country=hit[1], role=role_hit[0],
                                 text=f"{text} ({verb.text} {hit[0]})", entry=f"{role_hit[2]}; fled {hit[0]}")
        return None

    def _borrow(self, head, names, *, on, memory, role_hit, depth):  # type: ignore[no-untyped-def]
        """Partitive "of" phrases and appositions lend their actor to a head that has none of its own; a role
        without a country takes the country it is placed in ("rebels in the Ivory Coast")."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in PLACEMENT_PREPS and role_hit is not None:
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    place = self.resolve(pobj, names, on=on, memory=DocumentMemory(), _depth=depth + 1)
                    if place is not None and place.country:
                        return Actor(code=place.country + role_hit[0], country=place.country, role=role_hit[0],
                                     text=f"{head.text} {child.lower_} {place.text}",
                                     entry=f"{place.entry}; role {role_hit[2]}")
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of" and head.lemma_.lower() in SUPPORTERS and not role_hit:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        inner = self.resolve(pobj, names, on=on, memory=memory, _depth=depth + 1)
                        if inner is None or not inner.code:
                            continue
                        text = head.text + " of " + inner.text
                        if inner.country and inner.role in FOLLOWED_PERSONS:
                            return inner.model_copy(update={
                                "code": inner.country + "CVL", "role": "CVL", "name": None, "text": text,
                                "entry": f"{inner.entry}; its followers: civilians"})
                        return inner.model_copy(update={"text": text, "name": None})
            if child.dep_ == "prep" and child.lower_ == "of" and (head.lemma_.lower() in PARTITIVE or role_hit):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        inner = self.resolve(pobj, names, on=on, memory=memory, _depth=depth + 1)
                        if inner is not None and inner.code:
                            role = role_hit[0] if role_hit and role_hit[0] != inner.role else inner.role
                            code = (inner.country + (role or "")) if inner.country and not inner.code.startswith(("IGO", "NGO", "IMG")) else inner.code
                            return inner.model_copy(update={"code": code, "role": role, "text": head.text + " of " + inner.text})
            if child.dep_ == "appos":
                inner = self.resolve(child, names, on=on, memory=memory, _depth=depth + 1)
                if inner is not None and inner.code:
                    return inner.model_copy(update={"name": _person_name(head, names) or inner.name})
        return None

    def _short_form(self, head, text: str, memory: DocumentMemory) -> Actor | None:  # type: ignore[no-untyped-def]
        """"The North" / "the South" once the document has named North or South Korea (``readings.tsv``)."""
        if not any(c.lower_ == "the" for c in head.lefts) or head.pos_ != "PROPN":
            return None
        for r in self.dictionary.readings.get(head.text, []):
            if r.scope == "document" and r.cues & memory.countries:
                return Actor(code=r.iso3, country=r.iso3, text=text,
                             entry=f"{r.source} '{head.text}' after {'/'.join(sorted(r.cues & memory.countries))}")
        return None

    def _from_memory(self, head, text, role, memory, on):  # type: ignore[no-untyped-def]
        lower = head.lower_
        if head.text in memory.acronyms:
            prior = memory.acronyms[head.text]
            return prior.model_copy(update={"text": text, "entry": f"{prior.entry} (acronym given earlier)"})
        short = self._short_form(head, text, memory)
        if short is not None:
            return short
        if lower in PERSON_PRONOUNS and memory.last_person is not None:
            return memory.last_person.model_copy(update={"text": head.text})
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT":
            # the main-clause subject pronoun of a later sentence: "It also asked ...", "They urged ..."
            prior = memory.last_thing if lower == "it" else memory.last_group if lower == "they" else None
            if prior is not None:
                return prior.model_copy(update={"text": head.text, "entry": f"{prior.entry} (pronoun)"})
        if head.pos_ == "PROPN" and head.text in memory.leaders:
            prior = memory.leaders[head.text]
            return prior.model_copy(update={"text": text, "entry": f"{prior.entry} (named earlier)"})
        if any(c.lower_ == "the" for c in head.lefts):
            prior = memory.by_head.get(head.lemma_.lower())
            if prior is not None:
                return prior.model_copy(update={"text": text, "entry": f"{prior.entry} (named earlier)"})
            if lower in ("country", "kingdom", "republic", "nation") and memory.last_country:
                return Actor(code=memory.last_country, country=memory.last_country, text=text, entry="named earlier")
        return None


def _singular(word: str) -> str:
    """The singular of a regular English plural ("islamists" -> "islamist", "militias" -> "militia", "authorities"
    -> "authority"); other words unchanged."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _is_doer(token: Token) -> bool:
    """Is ``token`` the doer of its clause: a subject ("PRISONERS rioted"), the agent of a passive ("attacked by
    INMATES"), or inside one as a partitive or conjunct ("hundreds of PRISONERS", "inmates and GUARDS")?"""
    t = token
    for _ in range(6):
        if t.dep_ == "nsubj" or (t.dep_ == "pobj" and t.head.dep_ == "agent"):
            return True
        if t.dep_ in ("conj", "appos") and t.head is not t:
            t = t.head
        elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ in ("NOUN", "NUM", "PRON"):
            t = t.head.head
        else:
            return False
    return False


def named_countries(names, *, kinds: frozenset[str] | set[str] = PLACE_KINDS,  # type: ignore[no-untyped-def]
                    keep: Callable[[Span], bool] = lambda span: True) -> set[str]:
    """The countries of the names `ActorResolver.find_names` found (``names``) whose entry is of one of ``kinds``,
    for the name spans ``keep`` accepts: what a sentence places things in."""
    return {e.country for span, entries in names.values() if keep(span) for e in entries
            if e.kind in kinds and e.country}


FLIGHT_VERBS = {"flee", "escape"}
FLIGHT_PREPS = ("from", "in", "of")


def _fled_places(verb: Token) -> list[Token]:
    """What a flight verb names as fled, nearest first: its object ("fleeing LIBERIA"), then the "from"/"in"/"of"
    phrases on the verb or on that object ("fleeing the war IN Liberia", "fled FROM Sudan")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    out = list(objects)
    for h in [*objects, verb]:
        out.extend(g for c in h.children if c.dep_ == "prep" and c.lower_ in FLIGHT_PREPS
                   for g in c.children if g.dep_ == "pobj")
    return out


def _residence_phrases(head: Token) -> list[tuple[Token, Token]]:
    """"in" phrases that place a group: on a participle describing it ("guerrillas OPERATING IN Macedonia") or on
    the verb it is the subject of ("Albanians DEMONSTRATED IN Serbia"); (verb, place noun) pairs."""
    verbs = [c for c in head.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")]
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
        verbs.append(head.head)
    return [(v, g) for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ == "in"
            for g in c.children if g.dep_ == "pobj"]


def _person_name(head: Token, names: dict[int, tuple[Span, list[NameEntry]]]) -> str | None:
    """The PERSON entity around ``head`` ("Wang Yi"), if there is one."""
    for ent in head.doc.ents:
        if ent.label_ == "PERSON" and ent.start <= head.i < ent.end:
            return ent.text
    return None


def _between_offices(entries: list[NameEntry], on: date) -> bool:
    """True if the person held a listed office before ``on`` and holds one again after it."""
    leaders = [e for e in entries if e.kind == "leader"]
    return any(e.end and e.end < on for e in leaders) and any(e.start and e.start > on for e in leaders)


def pick_dated(entries: list[NameEntry], on: date | None) -> NameEntry | None:
    """The row of a dated name that holds on the date ("SPLA" in 1995 -> SDNREB, in 2015 -> SSDMIL); None when every
    row holds at other dates. With no date, the row listed first: the name's defining (earliest) role."""
    if not entries or on is None:
        return entries[0] if entries else None
    return next((e for e in entries if e.holds_office_on(on)), None)


def pick_tenure(entries: list[NameEntry], on: date | None) -> NameEntry | None:
    """The leader entry for a date: the office held then; else the last office held before it; else the latest."""
    leaders = [e for e in entries if e.kind == "leader"]
    if not leaders:
        return None
    if on is None:
        return max(leaders, key=lambda e: e.start or date.min)
    holding = [e for e in leaders if e.holds_office_on(on)]
    if holding:
        rank = {"head of state": 0, "head of government": 1}
        return min(holding, key=lambda e: rank.get(e.office or "", 2))
    before = [e for e in leaders if e.start and e.start <= on]
    if before:
        return max(before, key=lambda e: e.start or date.min)
    return min(leaders, key=lambda e: e.start or date.max)
