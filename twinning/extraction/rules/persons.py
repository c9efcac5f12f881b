"""Named people with a stated role: "Mayor Jacob Bundsgaard", "Lars Wilms, kommunaldirektør"."""

from __future__ import annotations

import re

from twinning.extraction import scan
from twinning.extraction.context import DocContext
from twinning.extraction.facts import Person
from twinning.extraction.gazetteer import fold

_ROLE_WORDS = """
    lord mayor|deputy mayor|vice mayor|vice-mayor|mayor|vice governor|governor|party secretary
    |secretary general|general secretary|councillor|councilor|alderman|vice chairman|chairman
    |chairwoman|chairperson|vice president|president|managing director|director general
    |deputy director|director|chief executive officer|chief executive|ceo|chief consultant
    |senior consultant|special consultant|consultant|chief adviser|chief advisor|special adviser
    |special advisor|senior adviser|senior advisor|adviser|advisor|project manager|project leader
    |project director|coordinator|ambassador|consul general|consul-general|prime minister
    |vice premier|minister|queen|king|crown prince|prince|princess|professor|principal
    |headmaster|head teacher|teacher|journalist|author|secretary|leading member|member
    |leader|head
    |viceborgmester|borgmesteren|borgmester|overborgmester|rådmand|kommunaldirektøren
    |kommunaldirektør|administrerende direktør|adm\\. direktør|vicedirektøren|vicedirektør
    |direktøren|direktør|afdelingschef|erhvervschef|kontorchef|centerchef|chefkonsulent
    |specialkonsulent|seniorkonsulent|konsulent|chef|generalsekretær|projektdirektør
    |projektleder|projektchef|rådgiver|tovholder|koordinator|formand|næstformand|regionsrådsformand
    |byrådsmedlem|ambassadør|generalkonsul|statsminister|udenrigsminister|minister|dronning
    |kronprins|konge|prins|prinsesse|vicerektor|rektor|skoleleder|lærer|elev|forfatter
    |journalist|træner|tekniske træner|teknisk træner|MF|kommunalråd|ordförande|ordfører
    |rådmann|oberbürgermeister|bürgermeister
"""
_ROLES = sorted(
    {r.strip() for r in _ROLE_WORDS.replace("\n", "").split("|") if r.strip()},
    key=len,
    reverse=True,
)
_ROLE = r"(?i:" + "|".join(r.replace(" ", r"\s+") for r in _ROLES) + r")"
_ROLE_SET = {fold(r.replace("\\", "")) for r in _ROLES}
# Names are written in the Latin alphabet with the letters of many languages
# ("Krzysztof Żuk", "Bünyamin Şimşek"): Latin-1 and Latin Extended-A letters count.
_EXTENDED_A = [chr(c) for c in range(0x100, 0x180)]
_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in _EXTENDED_A if c.isupper())
_LOWER = "a-zß-öø-ÿ" + "".join(c for c in _EXTENDED_A if c.islower())
_TOKEN = rf"(?:[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)?|[{_UPPER}]\.)"
_SEP = r"(?:[ \t]+|[ \t]*\n[ \t\n]*)"
# Two to four name tokens, or one name with a regnal number ("Margrethe II").
_REGNAL = rf"{_SEP}I{{1,3}}(?![\w])"
_NAME = rf"(?P<name>{_TOKEN}(?:(?:{_SEP}{_TOKEN}){{1,3}}(?:{_REGNAL})?|{_REGNAL}))"
_NAME1 = rf"(?P<name>{_TOKEN}(?:{_SEP}{_TOKEN}){{0,3}})"
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Hr|Fru)\.?[ \t]+)"
_ORG_TAIL = (
    rf"(?P<org>[{_UPPER}][^,.;:\n()”\"]{{1,80}}?)"
    rf"(?=\s*[,.;:)\n”\"]|\s+(?:og|and|on|på|der|who)\b|$)"
)
_PREP = r"(?i:i|in|for|of|på|ved|hos|at|from|fra)"

# Role before the name: "Mayor Jacob Bundsgaard", "generalkonsul i Shanghai, Nicolai Prytz";
# in layout text the organisation may end its line instead of a comma.
ROLE_FIRST = re.compile(
    rf"(?<![\w])(?P<role>{_ROLE})"
    rf"(?:{_SEP}{_PREP}{_SEP}(?P<org1>[^,\n]{{2,60}}?)(?:,|(?<![.!?])[ \t]*(?=\n)))?"
    rf"(?:{_SEP}|,{_SEP})(?:,{_SEP})?{_HONORIFIC}?{_NAME}",
)
# A place between the role and the name: "Kommunaldirektør i Ballerup Eik Møller".
ROLE_PLACE_NAME = re.compile(
    rf"(?<![\w])(?P<role>{_ROLE}){_SEP}{_PREP}{_SEP}"
    rf"(?P<org>[{_UPPER}][{_LOWER}]+(?:[ \t]+(?:Kommune|Municipality|City))?){_SEP}{_NAME}",
)
# The same person's earlier role: "borgmester og Bycirklens formand i 2015 John Andersen",
# "tovholder for Netværket og vicerektor på Skolen, Birgitte Jørgensen".
_EARLIER_ROLE = re.compile(
    rf"(?<![\w])(?P<role>{_ROLE})(?:{_SEP}{_PREP}{_SEP}(?P<org>[^,.;\n]{{2,60}}?))?{_SEP}(?:og|and)"
    rf"{_SEP}(?:[{_UPPER}][{_LOWER}]+s{_SEP})?$"
)
# A second role inside the first one's organisation clause: "tovholder for Netværket og
# rektor på Viby Gymnasium, Karen Holt".
_ROLE_IN_ORG = re.compile(
    rf"{_SEP}(?:og|and){_SEP}(?P<role>{_ROLE}){_SEP}{_PREP}{_SEP}(?P<org>[^,\n]+)$"
)
# A second role after the first one's organisation: "Ding Jie, the chairman in Dalian
# refrigeration and leading member of the Liaoning-province".
_NEXT_ROLE = re.compile(
    rf"{_SEP}(?:og|and){_SEP}(?P<role>{_ROLE})(?![\w])(?:{_SEP}{_PREP}{_SEP}{_ORG_TAIL})?"
)
# "Pia Holm er projektleder og koordinator", "Anna Berg is the project manager".
NAME_IS_ROLE = re.compile(
    rf"(?<![\w]){_NAME}{_SEP}(?:er|is|was|var|bliver|becomes)"
    rf"(?:{_SEP}(?:en|et|a|an|the|ny|new))?{_SEP}"
    rf"(?P<role>(?:{_ROLE})(?:{_SEP}(?:og|and){_SEP}(?:{_ROLE}))?)(?![\w])"
    rf"(?:{_SEP}{_PREP}{_SEP}{_ORG_TAIL})?",
)
# Name before the role: "Lars Wilms, kommunaldirektør i Egedal", "Ding Jie, the chairman in X".
NAME_FIRST = re.compile(
    rf"(?<![\w]){_HONORIFIC}?{_NAME1},{_SEP}(?i:the{_SEP}|den{_SEP}|det{_SEP})?"
    rf"(?P<role>(?:{_ROLE})(?:\s+(?:og|and)\s+(?:{_ROLE}))?)(?![\w])"
    rf"(?:{_SEP}{_PREP}{_SEP}{_ORG_TAIL})?",
)
# "Ballerups borgmester Jesper Würtzen": the possessor is the organisation.
GENITIVE_ROLE = re.compile(
    rf"(?P<org>[{_UPPER}][{_LOWER}]+)s{_SEP}(?P<role>{_ROLE}){_SEP}{_NAME}",
)
# Contact blocks: a name on one line and the role on the next.
CONTACT = re.compile(
    rf"(?m)^[ \t]*{_NAME}[ \t]*\n(?:[ \t]*\n)*[ \t]*(?P<role>{_ROLE})[ \t]*$",
)
# Every pattern above is anchored on a role title: they are tried only near one.
scan.register("role", {r.split()[0].replace("\\", "").rstrip(".") for r in _ROLES})
_COMMA_BEFORE = re.compile(r",[ \t\n]*(?:(?i:the|den|det)[ \t\n]+)?$")
_GENITIVE_BEFORE = re.compile(r"[^\W\d_]s[ \t\n]+$")
_LINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*$")
_IS_BEFORE = re.compile(
    r"(?<![\w])(?:er|is|was|var|bliver|becomes)[ \t\n]+(?:(?:en|et|a|an|the|ny|new)[ \t\n]+)?$"
)
# What can stand right before the spaces in front of a role word for each pattern.
_BEFORE_CHARS = {
    _COMMA_BEFORE.pattern: ",eEnNtT",
    _GENITIVE_BEFORE.pattern: "s",
    _LINE_BEFORE.pattern: "\n",
    _IS_BEFORE.pattern: "rsntaeyw",
}
# How far a name (with an honorific) reaches before its role, and a role pair with its
# organisation after it.
_NAME_REACH, _ROLE_REACH = 160, 260


def _anchored(text: str, anchors: list[int], before: re.Pattern[str]) -> list[tuple[int, int]]:
    """Return merged windows around the role words that ``before`` accepts."""
    kept = []
    for at in anchors:
        # Cheap look at the character before the spaces: the patterns need a comma, an
        # "s", a letter of a verb or article, or a line start there.
        k = at
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if before is not _LINE_BEFORE:
            while k > 0 and text[k - 1] in " \t\n":
                k -= 1
        plausible = k == 0 or text[k - 1] in _BEFORE_CHARS[before.pattern]
        if plausible and before.search(text, max(0, at - 40), at):
            kept.append(at)
    return scan.windows(kept, _NAME_REACH, _ROLE_REACH, len(text))


_NOT_NAME = {
    fold(w)
    for w in [
        "The",
        "Det",
        "Den",
        "De",
        "Der",
        "Da",
        "City",
        "Kommune",
        "Region",
        "Municipality",
        "Department",
        "Hall",
        "Group",
        "Forum",
        "Office",
        "Bureau",
        "University",
        "Gymnasium",
        "School",
        "China",
        "Kina",
        "Danmark",
        "Denmark",
        "Business",
        "Center",
        "Centre",
        "Council",
        "Committee",
        "Government",
        "Ministry",
        "Embassy",
        "Chinese",
        "Danish",
        "Kinesisk",
        "Kinesiske",
        "Dansk",
        "Danske",
        "Mayor",
        "Borgmester",
        "Governor",
        "Says",
        "Siger",
        "Vice",
        "Chief",
        "Project",
        "Manager",
        "Director",
        "Fra",
        "From",
        "With",
        "Med",
        "And",
        "Og",
        "Of",
        "In",
        "I",
        "Til",
        "To",
        "Eksterne",
        "Deltagere",
        "Januar",
        "Februar",
        "Marts",
        "April",
        "Maj",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "December",
        "January",
        "February",
        "March",
        "June",
        "July",
        "October",
        "Mr",
        "Mrs",
        "Ms",
        "Trio",
        "Ambassade",
        "Rådhus",
        "Netværk",
        "Network",
        "Læs",
        "Read",
        "Telefon",
        "Mobil",
        # Capitalised only because they open a sentence.
        "På",
        "Af",
        "For",
        "Om",
        "Ved",
        "Efter",
        "Under",
        "Som",
        "Men",
        "Når",
        "Hvis",
        "Her",
        "At",
        "As",
        "But",
        "On",
        "By",
        "Agency",
    ]
}


_AND = re.compile(r"\s+(?:og|and)\s+")


def _clean_name(raw: str) -> str | None:
    name = " ".join(raw.split())
    tokens = name.split()
    while tokens and fold(tokens[-1].rstrip(".")) in _NOT_NAME | _ROLE_SET:
        tokens.pop()
    while tokens and fold(tokens[0].rstrip(".")) in _NOT_NAME | _ROLE_SET:
        tokens.pop(0)
    if not tokens:
        return None
    if any(fold(t.rstrip(".")) in _NOT_NAME for t in tokens):
        return None
    return " ".join(tokens)


_CLAUSE_END = re.compile(r"[,.;:()\n]|\s(?:og|and|with|med)\s")


def _org(
    ctx: DocContext, start: int, end: int, name_span: tuple[int, int] | None = None
) -> str | None:
    """Return the first place named in ``[start, end)`` before the clause ends.

    A place word inside the person's own name ("David", "Young") is a name, not a place.
    """
    stop = _CLAUSE_END.search(ctx.text, name_span[1] if name_span else start, end)
    for m in ctx.places_in(start, stop.start() if stop else end):
        if name_span and m.start < name_span[1] and name_span[0] < m.end:
            continue
        # After the name only a place the person belongs to: "of the Qixia district",
        # "(Aarhus)"; "reiser til vennskapsbyen Wuxi" is where the person goes.
        if (
            name_span
            and m.start >= name_span[1]
            and not _BELONGS.match(ctx.text[name_span[1] : m.start])
        ):
            return None
        return " ".join(ctx.text[m.start : m.end].split())
    return None


_BELONGS = re.compile(
    # "und der Bürgermeister von Sopot" names another person's town.
    r"[ \t]*(?:\(|,?[ \t]*(?:(?!(?:und|and|og|och|samt)\b)[^\W\d_]+[ \t]+){0,3}?"
    r"(?:i|in|of|for|fra|from|von|aus|på|at|ved|hos|des|der|du|de)[ \t]+"
    r"(?:the|den|det|der|die|la|le)?[ \t]*)?$",
    re.IGNORECASE,
)


def _place_at(ctx: DocContext, at: int) -> str | None:
    """Return the name of the place mention covering offset ``at``, without a genitive s."""
    for m in ctx.places_in(max(0, at - 60), at + 60):
        if m.start <= at < m.end:
            name = " ".join(ctx.text[m.start : m.end].split())
            return name[:-1] if m.genitive and name.endswith("s") else name
    return None


def extract_persons(ctx: DocContext) -> list[Person]:
    """Return people with a role, one record per person and role."""
    text = ctx.text
    found: dict[tuple[str, str], Person] = {}

    def add(
        name: str | None, role: str, org: str | None, start: int, end: int, single_ok: bool = False
    ) -> None:
        if not name:
            return
        if len(name.split()) < 2 and not single_ok:
            return
        role = " ".join(role.split())
        if role.lower().endswith("en") and fold(role[:-2]) in _ROLE_SET:
            role = role[:-2]  # the definite form names the same role: "vicedirektøren"
        key = (fold(name), fold(role).split()[-1])
        if key in found:
            return
        found[key] = Person(
            start=start, end=end, evidence=text[start:end], name=name, role=role, org=org
        )

    anchors = scan.positions(text, "role")
    for m in scan.finditer_near(CONTACT, text, _anchored(text, anchors, _LINE_BEFORE)):
        add(_clean_name(m.group("name")), m.group("role"), None, m.start("name"), m.end())
    for m in _signature_blocks(text):
        add(*m)
    for m in scan.finditer_near(GENITIVE_ROLE, text, _anchored(text, anchors, _GENITIVE_BEFORE)):
        # "Kolding Kommunes borgmester": the organisation is the whole place name.
        org = _place_at(ctx, m.start("org"))
        if org is None:
            continue
        add(_clean_name(m.group("name")), m.group("role"), org, m.start(), m.end())
    for m in scan.match_at(ROLE_FIRST, text, anchors):
        if text[max(0, m.start() - 3) : m.start()].rstrip().endswith(",") and (
            m.group("org1") or text[m.end("role")] == ","
        ):
            # "Tom Jensen, generalsekretær i X, John Bastrup": the role is Tom Jensen's.
            continue
        name = _clean_name(m.group("name"))
        org = m.group("org1") or _org(
            ctx, m.start(), m.end("name") + 40, (m.start("name"), m.end("name"))
        )
        org = org and " ".join(org.split())
        second = _ROLE_IN_ORG.search(org) if m.group("org1") else None
        if second is not None:
            add(name, second.group("role"), second.group("org"), m.start(), m.end("name"))
            org = org[: second.start()]
        # An earlier role with its own organisation is a second role of the same person;
        # both records share the phrase as evidence.
        earlier = _EARLIER_ROLE.search(text, max(0, m.start() - 100), m.start())
        start = m.start()
        if earlier is not None and earlier.group("org"):
            start = earlier.start()
        add(name, m.group("role"), org, start, m.end("name"))
        if start != m.start():
            add(name, earlier.group("role"), earlier.group("org"), start, m.end("name"))
    for m in scan.match_at(ROLE_PLACE_NAME, text, anchors):
        org = _place_at(ctx, m.start("org"))
        raw = " ".join(m.group("name").split())
        # Every word must belong to the name: "for Wuxi Environmental Protection Bureau"
        # names an office, not a person.
        if org is not None and _clean_name(raw) == raw:
            add(raw, m.group("role"), org, m.start(), m.end("name"))
    for m in scan.finditer_near(NAME_FIRST, text, _anchored(text, anchors, _COMMA_BEFORE)):
        name = _clean_name(m.group("name"))
        # A single given name is accepted only at the start of a line ("Julie, elev i X").
        line_start = not text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip(" \t")
        roles = _AND.split(m.group("role"))
        org = m.group("org")
        org = " ".join(org.split()) if org else None
        end = m.end()
        if len(roles) == 2 and fold(roles[0]) not in _ROLE_SET:
            roles = [m.group("role")]
        if len(roles) == 2 and {fold(r) for r in roles} <= {"forfatter", "journalist", "author"}:
            roles = [m.group("role")]
        for role in roles:
            add(name, role, org, m.start(), end, single_ok=line_start)
        if m.group("org"):
            more = _NEXT_ROLE.match(text, m.end())
            if more is not None:
                org2 = more.group("org")
                org2 = " ".join(org2.split()) if org2 else None
                add(name, more.group("role"), org2, m.start(), more.end(), single_ok=line_start)
    for m in scan.finditer_near(NAME_IS_ROLE, text, _anchored(text, anchors, _IS_BEFORE)):
        name = _clean_name(m.group("name"))
        org = m.group("org")
        org = " ".join(org.split()) if org else None
        for role in _AND.split(m.group("role")):
            add(name, role, org, m.start(), m.end())
    return list(found.values())


_COLUMNS = re.compile(r"[ \t]{3,}")


def _next_line(text: str, at: int) -> tuple[int, str] | None:
    """Return the first line from offset ``at`` on that is not blank, with its start."""
    n = len(text)
    while at < n:
        end = text.find("\n", at)
        end = n if end < 0 else end
        line = text[at:end]
        if line.strip():
            return at, line
        at = end + 1
    return None


def _signature_blocks(text: str):  # noqa: ANN202 - yields argument tuples for add()
    """Yield people from signature rows: names, then roles, then organisations, in columns."""
    last_line = -1
    # Only a line with a wide gap between columns can be a row of names.
    for gap in _COLUMNS.finditer(text):
        start = text.rfind("\n", 0, gap.start()) + 1
        if start == last_line:
            continue
        last_line = start
        end = text.find("\n", gap.end())
        if end < 0:
            continue  # the last line has no row of roles below it
        line = text[start:end]
        cells = [c for c in _COLUMNS.split(line.strip()) if c]
        if len(cells) < 2:
            continue
        names = [_clean_name(c) for c in cells]
        if not all(n and len(n.split()) >= 2 for n in names):
            continue
        below = _next_line(text, end + 1)
        if below is None:
            continue
        role_start, role_line = below
        # Role cells may sit closer together than name cells: two spaces separate them.
        roles = [r for r in re.split(r"\s{2,}", role_line.strip()) if r]
        if len(roles) != len(cells) or not all(fold(r) in _ROLE_SET for r in roles):
            continue
        role_end = role_start + len(role_line)
        org_row = _next_line(text, role_end + 1)
        orgs = [c for c in _COLUMNS.split(org_row[1].strip()) if c] if org_row else []
        if org_row is not None and len(orgs) == len(cells):
            block_end = org_row[0] + len(org_row[1].rstrip())
        else:
            block_end = role_start + len(role_line.rstrip())
        for col, name in enumerate(names):
            org = orgs[col] if len(orgs) == len(cells) else None
            yield name, roles[col], org, start + len(line) - len(line.lstrip()), block_end
