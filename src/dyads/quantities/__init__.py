"""The quantities stage: money, counts, weapons and deal status found in the words of a sentence.

Pure functions of a string; the tables in ``dyads/data/weapons/`` are read once, on first use.

- `find_money`: "$3 billion", "300 million euros", "Rs 5,000 crore" -> `Quantity` (kind ``money``)
- `to_usd`: a money `Quantity` in US dollars, with rates the caller gives
- `find_counts`: "12 Rafale jets", "dozens of drones", "two squadrons" -> `Quantity` (kind ``count``)
- `find_weapons`: "Su-35", "J-10C", "155 mm howitzers", "drones" -> `Weapon`
- `deal_status`: "signed a contract" -> ``("agreed", "signed a contract")``
"""

from dyads.quantities.counts import find_counts
from dyads.quantities.deal_status import deal_status
from dyads.quantities.exchange import to_usd
from dyads.quantities.money import find_money
from dyads.quantities.weapons import find_weapons

__all__ = ["deal_status", "find_counts", "find_money", "find_weapons", "to_usd"]
