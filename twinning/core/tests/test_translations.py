"""The Danish catalogue covers every string the code and templates mark for translation."""

import gettext
import re
import shutil
from pathlib import Path

from django.core.management import call_command

import twinning

PACKAGE = Path(twinning.__file__).parent


def _entries(po_text: str):
    """Yield each message block of a .po file, leaving out comments-only blocks and the header."""
    for block in po_text.split("\n\n"):
        # The header is the one entry whose msgid is empty and followed at once by msgstr.
        if "msgid " in block and not re.search(r'^msgid ""\nmsgstr', block, re.MULTILINE):
            yield block


def _untranslated(block: str) -> bool:
    strings = re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', block + "\n", re.MULTILINE)
    values = ["".join(re.findall(r'"(.*)"', text)) for text in strings]
    return not values or any(value == "" for value in values)


def test_danish_catalogue_is_complete_and_current(tmp_path, monkeypatch):
    # The catalogue is rebuilt from a copy of the sources, so that a string added
    # without a translation shows up here rather than in English on a Danish page.
    copy = tmp_path / "twinning"
    shutil.copytree(
        PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "tests", "migrations")
    )
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["da"], ignore_patterns=["extraction/*"], verbosity=0)
    po = (copy / "locale/da/LC_MESSAGES/django.po").read_text(encoding="utf-8")

    fuzzy = [block for block in _entries(po) if "#, fuzzy" in block]
    missing = [block for block in _entries(po) if _untranslated(block)]
    assert not fuzzy, "needs review:\n\n" + "\n\n".join(fuzzy)
    assert not missing, "not translated:\n\n" + "\n\n".join(missing)


def _text(quoted: str) -> str:
    return "".join(
        bytes(part, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
        for part in re.findall(r'"(.*)"', quoted)
    )


def test_compiled_catalogue_matches_the_source():
    # A .po edited without compilemessages leaves pages in the old wording.
    folder = PACKAGE / "locale/da/LC_MESSAGES"
    with (folder / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    pattern = re.compile(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', re.MULTILINE)
    singular = 0
    for block in _entries((folder / "django.po").read_text(encoding="utf-8")):
        if "msgctxt" in block or "#, fuzzy" in block:
            continue
        match = pattern.search(block + "\n")
        if match:
            singular += 1
            assert compiled.gettext(_text(match.group(1))) == _text(match.group(2))
    assert singular > 900
