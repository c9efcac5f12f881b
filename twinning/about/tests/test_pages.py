"""The accessibility statement, privacy notice and contact page, and the site's identity."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from twinning.about.models import AboutPage, SiteIdentity
from twinning.about.services import site_identity_save

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


# The smallest valid PNG: one transparent pixel.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5b0000000049454e44ae426082"
)


def test_every_page_is_linked_from_the_footer_and_says_something_before_it_is_written(client):
    home = client.get("/").content.decode()

    for kind, words in [
        ("accessibility", "(WCAG) 2.1"),
        ("privacy", "Cookies"),
        ("contact", "not given contact details"),
    ]:
        url = reverse("about:page", args=[kind])
        assert f'href="{url}"' in home
        assert words in client.get(url).content.decode()


def test_pages_are_in_danish_under_the_danish_prefix(client):
    html = client.get("/da/about/accessibility/").content.decode()

    assert "Tilgængelighedserklæring" in html
    assert "Digitaliseringsstyrelsen" in html


def test_the_administrators_text_is_shown_in_the_readers_language_else_the_other(client):
    AboutPage.objects.create(kind="privacy", body_en="We keep little.", body_da="Vi gemmer lidt.")
    AboutPage.objects.create(kind="accessibility", body_en="Checked yearly.")

    assert "Vi gemmer lidt." in client.get("/da/about/privacy/").content.decode()
    assert "We keep little." in client.get("/about/privacy/").content.decode()
    danish = client.get("/da/about/accessibility/").content.decode()
    assert "Checked yearly." in danish
    assert "WCAG" not in danish


def test_contact_details_and_the_organisation_in_the_header(client):
    client.get("/")  # the header has shown the site without an identity
    site_identity_save(
        identity=SiteIdentity(
            name="Odense Kommune", email="international@odense.dk", phone="+45 66 13 13 72"
        )
    )

    contact = client.get(reverse("about:page", args=["contact"])).content.decode()
    statement = client.get(reverse("about:page", args=["accessibility"])).content.decode()

    assert 'href="mailto:international@odense.dk"' in contact
    assert 'href="tel:+4566131372"' in contact
    assert "Odense Kommune wants everyone" in statement
    assert 'href="mailto:international@odense.dk"' in statement
    assert '<span class="brand-name">Odense Kommune</span>' in statement


def test_the_logo_is_shown_in_the_header_and_served(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    SiteIdentity.objects.create(name="Odense Kommune", logo=SimpleUploadedFile("odense.png", PIXEL))

    html = client.get("/").content.decode()
    response = client.get(reverse("about:logo"))

    assert f'src="{reverse("about:logo")}?v=' in html
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == PIXEL


def test_no_logo_and_unknown_pages_are_not_found(client):
    assert client.get(reverse("about:logo")).status_code == 404
    assert client.get("/about/cookies/").status_code == 404


def test_a_logo_must_be_a_raster_image():
    identity = SiteIdentity(name="Odense Kommune", logo=SimpleUploadedFile("logo.svg", b"<svg/>"))

    with pytest.raises(ValidationError) as caught:
        identity.full_clean()

    assert "logo" in caught.value.message_dict
