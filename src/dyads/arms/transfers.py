"""From a coded event to an arms-transfer mention: who supplies which weapon to whom, at which deal stage.

An event is a transfer mention when it names a weapon system or category (``event.weapons``) and its trigger is a
transfer verb (``data/arms/transfer_verbs.tsv``) or its code is military aid or cooperation (072, 0332, 062,
0312, 1212/1222 refusals). The verb says which side the source is on ("Pakistan ORDERED jets from China": the
source receives); where it does not ("signed a contract"), the weapon's producer decides. The deal stage comes from
the sentence's own cues (`quantities.deal_status`), then from the event's modality, then from the verb.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

from dyads.tables import data_path, read_tsv

ARMS_CODES = ("072", "0332", "062", "0312", "031", "033", "1212", "1222", "057", "0232", "0234")
TRAVEL_CODES = ("042", "043", "044")
"""Visits and travel: weapons that land or fly with them are the vehicle, not the goods ..."""
ARRIVAL_VERBS = ("arrive", "reach")
"""... except that weapons which arrive are delivered ("the Patriot systems will arrive late")."""
CODE_DIRECTION = {"072": ("supplier", "delivered"), "0332": ("supplier", "agreed"), "0232": ("recipient", "requested"),
                  "0234": ("recipient", "requested")}
"""Which side the source is on, and the stage, for codes that say it themselves (giving or asking for military
aid); other codes leave it to the weapon's producer."""
MODALITY_STATUS = {"refused": "refused", "denied": "denied", "negated": None}


@dataclass(frozen=True, slots=True)
class TransferMention:
    supplier: str | None
    recipient: str | None
    weapon: str
    category: str
    status: str
    number: float | None
    value: float | None
    currency: str | None
    date: str | None
    doc: str
    sentence: str
    sentence_index: int
    event_id: str | None
    cue: str
    rumoured: bool = False
    """Told only by unnamed or unconfirmed sources ("citing unnamed military sources")."""


@lru_cache(maxsize=1)
def transfer_verbs() -> dict[str, tuple[str, str]]:
    return {row["verb"]: (row["direction"], row["status"])
            for _, row in read_tsv(data_path("arms/transfer_verbs.tsv"), required=("verb", "direction", "status"))}


def _country(actor: Mapping[str, Any] | None) -> str | None:
    if not actor:
        return None
    return actor.get("country") or None


def transfer_mentions(event: Mapping[str, Any]) -> list[TransferMention]:
    """The transfer mentions in one event record (`Event.to_record()` or a stored row as a record)."""
    from dyads.quantities import deal_status

    weapons = event.get("weapons") or []
    if not weapons:
        return []
    verb = (event.get("trigger") or "").split(" ")[0].lower()
    verbs = transfer_verbs()
    code = event.get("cameo") or ""
    # The event's own clause gives the stage; a hedge or a denial anywhere in the sentence qualifies it ("Iran has
    # finalised a deal ..., but Moscow declined to confirm the purchase").
    sentence_status = deal_status(event.get("sentence") or "")
    cue_status = deal_status(event.get("clause") or event.get("sentence") or "")
    if sentence_status is not None and sentence_status[0] in ("rumoured", "denied"):
        cue_status = sentence_status
    travel_only = code.startswith(TRAVEL_CODES) and verb not in ARRIVAL_VERBS
    if verb not in verbs and not code.startswith(ARMS_CODES) and (cue_status is None or travel_only):
        # weapons named, but neither the verb, the code nor the sentence speaks of a transfer; or the weapons only
        # travel ("six Y-20 transport planes LANDED at Belgrade" while bringing what was delivered)
        return []
    direction, verb_status = verbs.get(verb) or CODE_DIRECTION.get(code[:4]) or CODE_DIRECTION.get(code[:3]) or (
        "either", "agreed")
    source, target = _country(event.get("source")), _country(event.get("target"))
    out: list[TransferMention] = []
    quantities = event.get("quantities") or []
    money = next((q for q in quantities if q.get("kind") == "money"), None)
    counts = [q for q in quantities if q.get("kind") == "count"]
    modality = event.get("modality")
    rumoured = False
    if modality in MODALITY_STATUS:
        status = MODALITY_STATUS[modality]
        cue = f"modality {modality}"
        if status is None:
            return []
    elif cue_status is not None:
        status, cue = cue_status
        if status == "rumoured":
            status = "discussed"  # an unconfirmed report is recorded as talk, never as a transfer
            rumoured = True
    else:
        status, cue = verb_status, f"verb '{verb}'"
        if modality == "intended" and status == "delivered":
            status = "agreed"
    if modality == "reported" and status == "discussed":
        rumoured = True  # "a newspaper reported that Tehran was close to buying ...": talk only someone else tells of
    systems = [w for w in weapons if not _is_ammunition(w)]
    for w in systems or weapons:  # "six howitzers and a supply of ammunition": the row is the howitzers
        producer = w.get("producer")
        if direction == "supplier":
            supplier, recipient = source, target
        elif direction == "recipient":
            supplier, recipient = target or producer, source
        elif producer and producer == source:
            supplier, recipient = source, target
        else:
            supplier, recipient = target or producer, source
        if not recipient or supplier == recipient:
            continue
        number = next((c.get("value") for c in counts if _counts_weapon(c, w)), None)
        out.append(TransferMention(
            supplier=supplier, recipient=recipient, weapon=w.get("name") or "", category=w.get("category") or "",
            status=status, number=number, value=money.get("value") if money else None,
            currency=money.get("unit") if money else None, date=event.get("date"), doc=event.get("doc") or "",
            sentence=event.get("sentence") or "", sentence_index=int(event.get("sentence_index") or 0),
            event_id=event.get("event_id"), cue=cue, rumoured=rumoured,
        ))
        order = UNDER_CONTRACT.search(event.get("clause") or event.get("sentence") or "")
        if order is not None and status in ("delivered", "delayed"):
            # "delivered ... UNDER A 2016 CONTRACT for 64 tanks": the order behind the delivery, dated by its year
            out.append(dataclasses.replace(out[-1], status="ordered", cue=order.group(0),
                                           date=order.group("year") or out[-1].date))
    return out


UNDER_CONTRACT = re.compile(
    r"\bunder (?:a|an|the|its|their|his|her) (?:(?P<year>(?:19|20)\d\d) |[\w$.,-]+ ){0,4}?"
    r"(?:contract|deal|order|agreement)\b", re.IGNORECASE)
"""A delivery told as part of an earlier order: "under a 2016 contract", "under the $2.4 billion deal"."""


AMMUNITION_WORDS = ("ammunition", "shell", "round", "cartridge")


def _is_ammunition(weapon: Mapping[str, Any]) -> bool:
    """Ammunition that travels with a weapon system is part of that system's deal, not a ledger row of its own."""
    name = (weapon.get("name") or "").lower()
    return name.rstrip("s").endswith(AMMUNITION_WORDS) and weapon.get("category") != "drones"


def _counts_weapon(count: Mapping[str, Any], weapon: Mapping[str, Any]) -> bool:
    """A count belongs to a weapon when the counted words include the weapon's words ("25 J-10C fighters")."""
    unit = (count.get("unit") or "").lower()
    text = (weapon.get("text") or weapon.get("name") or "").lower()
    return bool(unit) and (text in unit or unit in text or any(part in unit for part in text.split()))
