import datetime as dt
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from twinning.places.services import place_name_add
from twinning.visits.services import programme_item_create, visit_member_create
from twinning.visits.tests.factories import make_organisation, make_user, make_visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit():
    visit = make_visit(title="Delegation from Dalian")
    visit_member_create(
        visit=visit, name="Wang Fang", native_name="王芳", title="Chairwoman", is_leader=True
    )
    programme_item_create(
        visit=visit,
        day=dt.date(2017, 9, 4),
        topic="District heating plant",
        start_time=dt.time(9, 30),
        end_time=dt.time(11, 0),
    )
    return visit


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_programme_pdf_is_a_real_pdf_with_the_chinese_name_and_the_programme(client, visit):
    client.force_login(make_user("reader"))
    response = client.get(reverse("visits:programme_pdf", args=[visit.pk]), {"lang": "en"})

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response)
    assert "王芳" in text
    assert "Delegation from Dalian" in text
    assert "Monday 4 September 2017" in text
    assert "District heating plant" in text
    assert response["Content-Language"] == "en"


def test_programme_pdf_in_danish_uses_danish_dates(client, visit):
    client.force_login(make_user("reader"))
    response = client.get(reverse("visits:programme_pdf", args=[visit.pk]), {"lang": "da"})

    text = pdf_text(response)
    assert "Mandag den 4. september 2017" in text
    assert "4. september 2017 – 6. september 2017" in text
    assert "Monday" not in text
    assert response["Content-Language"] == "da"
    assert "王芳" in text


def test_programme_pdf_falls_back_to_english_for_other_languages(client, visit):
    response = client.get(reverse("visits:programme_pdf", args=[visit.pk]), {"lang": "xx"})
    assert response["Content-Language"] == "en"


def test_programme_pdf_of_a_private_visit_is_404_for_outsiders(client):
    org = make_organisation("Sønderborg Kommune")
    private = make_visit(owner=org, is_public=False)
    url = reverse("visits:programme_pdf", args=[private.pk])

    assert client.get(url).status_code == 404
    client.force_login(make_user("insider", viewer_of=org))
    assert client.get(url).status_code == 200


def test_programme_pdf_in_chinese_uses_the_chinese_texts_names_and_a_cjk_face(client, visit):
    visit_member_create(visit=visit, name="Li Qiang", title="Engineer", title_zh="工程师")
    item = visit.programme_items.get()
    item.topic_zh = "参观区域供热厂"
    item.save()
    visit.title_zh = "大连代表团"
    visit.save()
    place_name_add(place=visit.visiting_party, name="大连", language="zh")

    # Delegation members are shown to signed-in users only.
    client.force_login(make_user("reader"))
    response = client.get(reverse("visits:programme_pdf", args=[visit.pk]), {"lang": "zh"})

    text = pdf_text(response)
    assert "大连代表团" in text and "Delegation from Dalian" not in text
    assert "参观区域供热厂" in text
    assert "大连 → Sønderborg" in text
    # Headings, dates and the leader's mark in Chinese; the member's own name first.
    assert "代表团" in text and "日程" in text
    assert "2017年9月4日 星期一" in text
    assert text.index("王芳") < text.index("Wang Fang")
    # A member without a Chinese title keeps the one the record has.
    assert "工程师" in text and "Chairwoman" in text
    fonts = {
        str(font["/BaseFont"])
        for page in PdfReader(io.BytesIO(response.content)).pages
        for font in page["/Resources"]["/Font"].values()
        for font in [font.get_object()]
    }
    assert any("CJK" in name for name in fonts), fonts
    assert response["Content-Language"] == "zh"
