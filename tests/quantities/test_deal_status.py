"""deal_status: the status of an arms deal from the cues of one sentence."""

from __future__ import annotations

import pytest

from dyads.quantities import deal_status
from dyads.quantities.deal_status import GAP, PRECEDENCE, STATUSES, lemmas, load_cues


@pytest.mark.parametrize(
    ("sentence", "status", "cue"),
    [
        # agreed
        ("Serbia signed a contract on Thursday to buy 12 Rafale jets.", "ordered", "signed a contract"),
        ("Bangladesh agreed to buy 16 J-10C jets.", "agreed", "agreed to buy"),
        ("France agreed on Tuesday to sell 36 Caesar howitzers to Armenia.", "agreed", "agreed on Tuesday to sell"),
        ("Iran has finalised a deal to buy Su-35 jets.", "ordered", "finalised a deal"),
        ("The State Department approved the sale of 40 F-16s to Turkey.", "agreed", "approved the sale"),
        ("Jakarta signed a $8.1 billion contract with Dassault.", "ordered", "signed a $8.1 billion contract"),
        # ordered
        ("Pakistan has ordered 25 J-10C fighters from China.", "ordered", "ordered"),
        ("Indonesia placed an order for 42 Rafale jets.", "ordered", "placed an order"),
        ("Turkey bought the S-400 in 2017.", "ordered", "bought"),
        ("Hungary purchased 44 Leopard 2 tanks.", "ordered", "purchased"),
        # delivered
        ("Russia has begun delivering the S-400 system to India.", "delivered", "delivering"),
        ("Two Su-35 jets were handed over to Iran.", "delivered", "handed over"),
        ("The first J-10C jets arrived at Kamra air base.", "delivered", "arrived"),
        ("Vietnam took delivery of 64 T-90 tanks.", "delivered", "took delivery"),
        ("The air force inducted the Rafale jets into service.", "delivered", "inducted"),
        ("The first batch of K2 tanks reached Poland in December.", "delivered", "first batch"),
        ("Moscow has shipped the first S-400 components.", "delivered", "shipped"),
        # delayed
        ("Deliveries of the S-400 have been postponed until 2026.", "delayed", "postponed"),
        ("The F-35 deliveries were delayed by software problems.", "delayed", "delayed"),
        ("The submarine programme is two years behind schedule.", "delayed", "behind schedule"),
        ("The tanks may reach Morocco two years later than planned.", "delayed", "later than planned"),
        ("Officials said the frigates were months late.", "delayed", "months late"),
        # cancelled
        ("Egypt has cancelled its order for Su-35 fighter jets.", "cancelled", "cancelled"),
        ("Jakarta scrapped the Sukhoi deal.", "cancelled", "scrapped"),
        ("Indonesia dropped the order for Su-35 jets.", "cancelled", "dropped the order"),
        ("Ankara pulled out of the deal with Moscow.", "cancelled", "pulled out of the deal"),
        ("Canberra canceled the submarine contract.", "cancelled", "canceled"),
        # refused
        ("Germany refused to sell Leopard 2 tanks to Turkey.", "refused", "refused to sell"),
        ("Washington blocked the sale of F-35s to Turkey.", "refused", "blocked the sale"),
        ("Berlin denied an export licence for the tanks.", "refused", "denied an export licence"),
        # denied
        ("Moscow denied that it had supplied S-400 systems to Iran.", "denied", "denied"),
        ("The ministry dismissed reports of a J-10C purchase.", "denied", "dismissed reports"),
        ("Bangladesh's army denied reports that it had agreed to buy 16 J-10C jets.", "denied", "denied"),
        # rumoured
        ("Iran has reportedly ordered Su-35 fighters.", "rumoured", "reportedly"),
        ("According to unconfirmed reports, Iran will receive S-400 systems.", "rumoured",
         "According to unconfirmed reports"),
        ("Egypt is said to be considering the J-10C.", "rumoured", "is said to"),
        ("Rumours of a Su-35 deal have circulated for months.", "rumoured", "Rumours"),
        ("Egypt signed the contract in 2018, according to Russian media reports.", "rumoured",
         "according to Russian media reports"),
        ("The photographs could not be independently verified.", "rumoured", "could not be independently verified"),
        # discussed
        ("Indonesia is in talks with France over Rafale jets.", "discussed", "in talks"),
        ("The ministers discussed the sale of F-16s.", "discussed", "discussed"),
        ("Ankara is negotiating with Washington for 40 F-16s.", "discussed", "negotiating"),
        ("Algeria weighs new air defence purchases.", "discussed", "weighs"),
        # requested
        ("Turkey requested 40 F-16 jets from the United States.", "requested", "requested"),
        ("Kyiv asked for more Patriot systems.", "requested", "asked for"),
        ("Poland seeks more HIMARS launchers.", "requested", "seeks"),
        ("Taipei sought Abrams tanks in 2019.", "requested", "sought"),
    ],
)
def test_status_cues(sentence: str, status: str, cue: str) -> None:
    assert deal_status(sentence) == (status, cue)


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia has not delivered the S-400 to Iran.",
        "No contract had been signed and no decision had been taken.",
        "Moscow has yet to deliver the jets.",
        "Cairo said it would not take delivery of the jets.",
        "Officials did not sign the final letter of acceptance.",
        "The first batch will arrive in March.",
        "The jets are to be delivered next year.",
        "Washington will deliver the tanks in 2026.",
        "The ministers met in Cairo to discuss trade.".replace("discuss", "review"),
        "The weather was fine in Yerevan.",
        "Seoul wants to do this in order to grow exports.",
        "Egypt urged Turkey to halt arms sales to Ethiopia.",
        "The jets were parked at the base late last year.",
        "Trade grew now that the arms embargo on Minsk has expired.",
    ],
)
def test_no_status(sentence: str) -> None:
    assert deal_status(sentence) is None


def test_negated_cue_leaves_the_others() -> None:
    assert deal_status("Moscow has not delivered the jets but signed a new contract.") == (
        "ordered",
        "signed a new contract",
    )


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The first jets were delivered in 2023, but the rest have been delayed.", "delayed"),
        ("Egypt ordered the jets in 2018 and cancelled the order in 2022.", "cancelled"),
        ("Iran reportedly took delivery of the jets.", "rumoured"),
        ("Tehran denied reports that the jets had arrived.", "denied"),
        ("After months of talks, Jakarta signed the contract.", "ordered"),
        ("Manila ordered the frigates after it signed a deal in 2021.", "ordered"),
        ("The navy took delivery of the ships it ordered in 2019.", "delivered"),
    ],
)
def test_precedence(sentence: str, status: str) -> None:
    result = deal_status(sentence)
    assert result is not None and result[0] == status


def test_precedence_covers_every_status() -> None:
    assert sorted(PRECEDENCE) == sorted(STATUSES)
    assert PRECEDENCE[0] == "denied" and PRECEDENCE[-1] == "discussed"


def test_every_table_cue_gives_its_status() -> None:
    """Each cue, written in its table form with "..." filled, fires its own status in a neutral sentence."""
    for cues in load_cues().values():
        for cue in cues:
            if cue.status == "none":
                continue
            words = [("the new" if w == GAP else w.lstrip("=")) for w in cue.words]
            sentence = f"Officials said that Egypt {' '.join(words)} the jets."
            result = deal_status(sentence)
            assert result is not None and result[0] == cue.status, (sentence, result)


def test_lemma_guesses() -> None:
    assert "deliver" in lemmas("delivered")
    assert "deliver" in lemmas("delivering")
    assert "cancel" in lemmas("cancelled")
    assert "scrap" in lemmas("scrapped")
    assert "seek" in lemmas("sought")
    assert "delivery" in lemmas("deliveries")
    assert "postpone" in lemmas("postponed")
