"""Focus areas of cooperation named in text."""

from __future__ import annotations

import re

_TOPICS = [
    ("cleantech", r"cleantech|clean\s*tech|miljøteknologi|grøn\w* teknologi|green technolog\w*"),
    ("education", r"education\w*|educational|uddannels\w*|skole\w*|school\w*|universit\w*"),
    ("culture", r"cultur\w*|kultur\w*"),
    ("business", r"business\w*|erhverv\w*|commerc\w*|trade|handel"),
    ("water", r"(?<!waste)(?<!spilde)(?<!storm)water\b|\bvand\b|vandforsyning"),
    ("wastewater", r"wastewater|waste water|spildevand"),
    ("waste", r"\bwaste\b|\baffald\w*"),
    ("soil_remediation", r"soil remediation|jordrensning\w*|jordoprensning\w*"),
    ("urban_development", r"urban development|city planning|byudvikling|urbanisering"),
    ("elder_care", r"elder\s*care|ældrepleje|eldercare"),
    ("energy", r"\benergy\b|\benergi\b|district heating|fjernvarme|central heating"),
    ("health", r"\bhealth\b|sundhed"),
    ("social", r"\bsocial\b"),
    ("sustainability", r"sustainab\w*|bæredygtig\w*"),
    ("stormwater", r"stormwater|storm water|regnvand|skybrud"),
]
_TOPIC_RES = [(name, re.compile(body, re.IGNORECASE)) for name, body in _TOPICS]


def focus_topics(text: str) -> list[str]:
    """Return the focus areas mentioned in text, in a fixed order."""
    return [name for name, pattern in _TOPIC_RES if pattern.search(text)]
