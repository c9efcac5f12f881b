"""The atlas filters partnerships with the one shared filter of partnerships."""

from twinning.partnerships.filters import PartnershipFilter

__all__ = ["PartnershipFilter"]
