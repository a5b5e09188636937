"""The arms-transfer ledger: SIPRI-style rows (supplier, recipient, weapon, status) built from coded events."""

from dyads.arms.ledger import LedgerRow, build_ledger
from dyads.arms.transfers import TransferMention, transfer_mentions

__all__ = ["LedgerRow", "TransferMention", "build_ledger", "transfer_mentions"]
