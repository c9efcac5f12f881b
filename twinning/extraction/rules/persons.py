"""Named people with a stated role: "Mayor Jacob Bundsgaard", "Lars Wilms, kommunaldirektør"."""

from __future__ import annotations

import re

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
    |projektleder|projektchef|rådgiver|tovholder|formand|næstformand|regionsrådsformand
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
_UPPER = "A-ZÆØÅÄÖÜÉ"
_LOWER = "a-zæøåäöüéèáíóúßñç"
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

# Role before the name: "Mayor Jacob Bundsgaard", "generalkonsul i Shanghai, Nicolai Prytz".
ROLE_FIRST = re.compile(
    rf"(?<![\w])(?P<role>{_ROLE})(?:{_SEP}{_PREP}{_SEP}(?P<org1>[^,\n]{{2,60}}?),)?(?:{_SEP}|,{_SEP})"
    rf"(?:,{_SEP})?{_HONORIFIC}?{_NAME}",
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
    ]
}


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


def _org(ctx: DocContext, start: int, end: int) -> str | None:
    for m in ctx.places_in(start, end):
        return " ".join(ctx.text[m.start : m.end].split())
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
        key = (fold(name), fold(role).split()[-1])
        if key in found:
            return
        found[key] = Person(
            start=start, end=end, evidence=text[start:end], name=name, role=role, org=org
        )

    for m in CONTACT.finditer(text):
        add(_clean_name(m.group("name")), m.group("role"), None, m.start("name"), m.end())
    for m in _signature_blocks(text):
        add(*m)
    for m in GENITIVE_ROLE.finditer(text):
        org = m.group("org")
        if not any(p.start <= m.start("org") < p.end for p in ctx.places):
            continue
        add(_clean_name(m.group("name")), m.group("role"), org, m.start(), m.end())
    for m in ROLE_FIRST.finditer(text):
        if text[max(0, m.start() - 3) : m.start()].rstrip().endswith(",") and (
            m.group("org1") or text[m.end("role")] == ","
        ):
            # "Tom Jensen, generalsekretær i X, John Bastrup": the role is Tom Jensen's.
            continue
        name = _clean_name(m.group("name"))
        org = m.group("org1") or _org(ctx, m.start(), m.end("name") + 40)
        add(name, m.group("role"), org and " ".join(org.split()), m.start(), m.end("name"))
    for m in NAME_FIRST.finditer(text):
        name = _clean_name(m.group("name"))
        # A single given name is accepted only at the start of a line ("Julie, elev i X").
        line_start = m.start() == 0 or text[: m.start()].rstrip(" \t").endswith("\n")
        roles = re.split(r"\s+(?:og|and)\s+", m.group("role"))
        org = m.group("org")
        org = " ".join(org.split()) if org else None
        end = m.end()
        if len(roles) == 2 and fold(roles[0]) not in _ROLE_SET:
            roles = [m.group("role")]
        if len(roles) == 2 and {fold(r) for r in roles} <= {"forfatter", "journalist", "author"}:
            roles = [m.group("role")]
        for role in roles:
            add(name, role, org, m.start(), end, single_ok=line_start)
    return list(found.values())


_COLUMNS = re.compile(r"[ \t]{3,}")


def _signature_blocks(text: str):  # noqa: ANN202 - yields argument tuples for add()
    """Yield people from signature rows: names, then roles, then organisations, in columns."""
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text)]
    for i, (start, line) in enumerate(lines[:-1]):
        cells = [c for c in _COLUMNS.split(line.strip()) if c]
        if len(cells) < 2:
            continue
        names = [_clean_name(c) for c in cells]
        if not all(n and len(n.split()) >= 2 for n in names):
            continue
        j = i + 1
        while j < len(lines) and not lines[j][1].strip():
            j += 1
        if j >= len(lines):
            continue
        roles = [c for c in _COLUMNS.split(lines[j][1].strip()) if c]
        roles = [r for r in re.split(r"\s{2,}", " ".join(roles)) if r]
        if len(roles) != len(cells) or not all(fold(r) in _ROLE_SET for r in roles):
            continue
        k = j + 1
        while k < len(lines) and not lines[k][1].strip():
            k += 1
        orgs = [c for c in _COLUMNS.split(lines[k][1].strip()) if c] if k < len(lines) else []
        end = (
            lines[k][0] + len(lines[k][1].rstrip())
            if len(orgs) == len(cells)
            else (lines[j][0] + len(lines[j][1].rstrip()))
        )
        for col, name in enumerate(names):
            org = orgs[col] if len(orgs) == len(cells) else None
            yield name, roles[col], org, start + len(line) - len(line.lstrip()), end
