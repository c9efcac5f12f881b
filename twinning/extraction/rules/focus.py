"""Focus areas of cooperation named in text."""

from __future__ import annotations

import re
from bisect import bisect_left

from twinning.extraction import scan

# (topic, pattern on lower-cased text, words a match begins with). A pattern is tried
# only where one of its words begins, so a word boundary before a word is written as a
# lookbehind after it ("vand(?<!\wvand)" for "\bvand").
_TOPICS = [
    (
        "cleantech",
        r"cleantech|clean\s*tech|miljøteknologi|grøn\w* teknologi|green technolog\w*",
        "clean miljøteknologi grøn green",
    ),
    (
        "education",
        r"education\w*|educational|uddannels\w*|skole\w*|school\w*|universit\w*",
        "education uddannels skole school universit",
    ),
    ("culture", r"cultur\w*|kultur\w*", "cultur kultur"),
    (
        "business",
        r"business\w*|erhverv\w*|commerc\w*|trade|handel",
        "business erhverv commerc trade handel",
    ),
    (
        "water",
        r"water(?<!wastewater)(?<!spildewater)(?<!stormwater)\b|vand(?<!\wvand)\b|vandforsyning",
        "water vand",
    ),
    ("wastewater", r"wastewater|waste water|spildevand", "waste spildevand"),
    ("waste", r"waste(?<!\wwaste)\b|affald(?<!\waffald)\w*", "waste affald"),
    (
        "soil_remediation",
        r"soil remediation|jordrensning\w*|jordoprensning\w*",
        "soil jordrensning jordoprensning",
    ),
    (
        "urban_development",
        r"urban development|city planning|byudvikling|urbanisering",
        "urban city byudvikling urbanisering",
    ),
    ("elder_care", r"elder\s*care|ældrepleje|eldercare", "elder ældrepleje"),
    (
        "energy",
        r"energy(?<!\wenergy)\b|energi(?<!\wenergi)\b|district heating|fjernvarme|"
        r"central heating",
        "energy energi district fjernvarme central",
    ),
    ("health", r"health(?<!\whealth)\b|sundhed", "health sundhed"),
    ("social", r"social(?<!\wsocial)\b", "social"),
    ("sustainability", r"sustainab\w*|bæredygtig\w*", "sustainab bæredygtig"),
    ("stormwater", r"stormwater|storm water|regnvand|skybrud", "storm regnvand skybrud"),
]
_TOPIC_RES = [(name, re.compile(body)) for name, body, _ in _TOPICS]
for _name, _, _words in _TOPICS:
    scan.register(f"focus:{_name}", _words, word_start=False)


@scan.per_text
def _topic_starts(text: str) -> dict[str, list[int]]:
    low = scan.lowered(text)
    out: dict[str, list[int]] = {}
    for name, pattern in _TOPIC_RES:
        starts = [at for at in scan.positions(text, f"focus:{name}") if pattern.match(low, at)]
        if starts:
            out[name] = starts
    return out


def focus_topics(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Return the focus areas mentioned in ``text[start:end]``, in a fixed order."""
    stop = len(text) if end is None else end
    found = _topic_starts(text)
    out = []
    for name, _ in _TOPIC_RES:
        starts = found.get(name)
        if starts:
            i = bisect_left(starts, start)
            if i < len(starts) and starts[i] < stop:
                out.append(name)
    return out
