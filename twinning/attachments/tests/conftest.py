import io

import pytest
from docx import Document as WordDocument
from PIL import Image

from twinning.accounts.models import Role
from twinning.accounts.services import membership_set, user_create
from twinning.organisations.models import OrganisationKind
from twinning.organisations.services import organisation_create
from twinning.partnerships.services import partnership_create
from twinning.places.models import PlaceKind
from twinning.places.services import place_create

# A one-page PDF whose page says "Venskabsaftale Odense Kiel 1964", written by hand.
_STREAM = b"BT /F1 18 Tf 20 100 Td (Venskabsaftale Odense Kiel 1964) Tj ET"
_OBJECTS = [
    b"<</Type/Catalog/Pages 2 0 R>>",
    b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
    b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 400 144]/Contents 4 0 R"
    b"/Resources<</Font<</F1 5 0 R>>>>>>",
    b"<</Length %d>>stream\n" % len(_STREAM) + _STREAM + b"\nendstream",
    b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
]


def pdf_bytes() -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(_OBJECTS, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(_OBJECTS) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(_OBJECTS) + 1, xref)
    )
    return out.getvalue()


def png_bytes(size=(800, 600)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def docx_bytes() -> bytes:
    document = WordDocument()
    document.add_paragraph("Referat af mødet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def world():
    office = organisation_create(name="Office", kind=OrganisationKind.MUNICIPALITY)
    other = organisation_create(name="Elsewhere", kind=OrganisationKind.MUNICIPALITY)
    editor = user_create(username="editor", password="pw-editor-123456")
    membership_set(user=editor, organisation=office, role=Role.EDITOR)
    viewer = user_create(username="viewer", password="pw-viewer-123456")
    membership_set(user=viewer, organisation=office, role=Role.VIEWER)
    stranger = user_create(username="stranger", password="pw-stranger-123456")
    membership_set(user=stranger, organisation=other, role=Role.EDITOR)
    odense = place_create(name="Odense", kind=PlaceKind.MUNICIPALITY, country="DK")
    kiel = place_create(name="Kiel", kind=PlaceKind.CITY, country="DE")
    partnership = partnership_create(
        party_a=odense, party_b=kiel, kind="sister_city", owner=office, is_public=True
    )
    hidden = partnership_create(
        party_a=place_create(name="Vejle", kind=PlaceKind.MUNICIPALITY, country="DK"),
        party_b=kiel,
        kind="sister_city",
        owner=office,
        is_public=False,
    )
    return locals()
