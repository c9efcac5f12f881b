import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from twinning.accounts.services import api_token_create
from twinning.attachments.models import Attachment
from twinning.attachments.selectors import attachment_list
from twinning.attachments.services import attachment_create, attachment_delete
from twinning.attachments.tests.conftest import docx_bytes, pdf_bytes, png_bytes
from twinning.settings import _file_storage

pytestmark = pytest.mark.django_db


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def _stored(media) -> list:
    return sorted(p.name for p in media.rglob("*") if p.is_file()) if media.exists() else []


def test_a_pdf_is_kept_with_its_text_type_and_the_records_organisation(world):
    attachment = attachment_create(
        record=world["partnership"],
        file=_upload("aftale.pdf", pdf_bytes()),
        title="Signed agreement",
        language="da",
        date="1964-05",
    )
    assert attachment.record_kind == "partnership"
    assert attachment.owner == world["office"]
    assert attachment.media_type == "application/pdf"
    assert "Venskabsaftale Odense Kiel 1964" in attachment.text
    assert not attachment.is_public and not attachment.thumbnail
    # The stored name says nothing of the upload's name.
    assert "aftale" not in attachment.file.name and attachment.file_name == "aftale.pdf"


def test_a_picture_gets_a_thumbnail_and_office_and_text_files_are_taken(world):
    photo = attachment_create(record=world["partnership"], file=_upload("gift.png", png_bytes()))
    assert photo.media_type == "image/png" and photo.title == "gift"
    with photo.thumbnail.open("rb") as thumb:
        assert thumb.read(3) == b"\xff\xd8\xff"  # a JPEG
    minutes = attachment_create(record=world["partnership"], file=_upload("m.docx", docx_bytes()))
    assert minutes.media_type.endswith("wordprocessingml.document")
    note = attachment_create(
        record=world["partnership"], file=_upload("note.txt", "Mødet i Kiel".encode())
    )
    assert note.media_type == "text/plain" and note.text == "Mødet i Kiel"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("brochure.pdf", b"<html><script>alert(1)</script></html>\x00"),  # named as PDF
        ("tool.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200),  # a Windows program
    ],
)
def test_a_file_is_judged_by_its_content_not_its_name_and_nothing_is_stored(
    world, _media, name, data
):
    with pytest.raises(ValidationError) as error:
        attachment_create(record=world["partnership"], file=_upload(name, data))
    assert f"{name} is not a file that can be kept" in str(error.value)
    assert not Attachment.objects.exists() and _stored(_media) == []


def test_a_file_over_the_limit_is_refused_by_name(world, settings, _media):
    settings.TWINNING_MAX_ATTACHMENT_BYTES = 100
    with pytest.raises(ValidationError, match="big.pdf is 569"):
        attachment_create(record=world["partnership"], file=_upload("big.pdf", pdf_bytes()))
    assert _stored(_media) == []


def test_a_record_that_cannot_hold_files_is_refused(world):
    with pytest.raises(ValidationError):
        attachment_create(record=world["office"], file=_upload("a.pdf", pdf_bytes()))


def test_deleting_removes_the_stored_files(world, _media, django_capture_on_commit_callbacks):
    photo = attachment_create(record=world["partnership"], file=_upload("gift.png", png_bytes()))
    assert len(_stored(_media)) == 2
    with django_capture_on_commit_callbacks(execute=True):
        attachment_delete(attachment=photo)
    assert _stored(_media) == []


def test_who_sees_a_file_follows_its_flag_and_its_record(world):
    public_record = world["partnership"]
    private_file = attachment_create(record=public_record, file=_upload("p.pdf", pdf_bytes()))
    public_file = attachment_create(
        record=public_record, file=_upload("q.pdf", pdf_bytes()), is_public=True
    )
    # A public file on a private record stays hidden with its record.
    on_hidden = attachment_create(
        record=world["hidden"], file=_upload("r.pdf", pdf_bytes()), is_public=True
    )
    anonymous, viewer, stranger = Client(), Client(), Client()
    viewer.force_login(world["viewer"])
    stranger.force_login(world["stranger"])
    for client, user, shown in [
        (anonymous, AnonymousUser(), {public_file}),
        (stranger, world["stranger"], {public_file}),
        (viewer, world["viewer"], {public_file, private_file, on_hidden}),
    ]:
        for attachment in (private_file, public_file, on_hidden):
            code = client.get(reverse("attachments:download", args=[attachment.pk])).status_code
            assert code == (200 if attachment in shown else 404)
        assert set(attachment_list(user=user)) == shown


def test_download_sends_the_file_under_its_name_never_from_a_public_address(world):
    attachment = attachment_create(
        record=world["partnership"], file=_upload("aftale.pdf", pdf_bytes())
    )
    client = Client()
    client.force_login(world["viewer"])
    response = client.get(reverse("attachments:download", args=[attachment.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="aftale.pdf"' in response["Content-Disposition"]
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert "/media/" not in client.get(world["partnership"].get_absolute_url()).content.decode()


def test_the_panel_on_the_partnership_page_lists_files_and_uploads_for_editors(world):
    partnership = world["partnership"]
    editor, viewer = Client(), Client()
    editor.force_login(world["editor"])
    viewer.force_login(world["viewer"])
    assert (
        'enctype="multipart/form-data"'
        not in viewer.get(partnership.get_absolute_url()).content.decode()
    )
    page = editor.get(partnership.get_absolute_url()).content.decode()
    url = reverse("attachments:upload", args=["partnership", partnership.pk])
    assert f'action="{url}"' in page
    response = editor.post(
        url,
        {"file": _upload("photo.png", png_bytes()), "title": "Gift from Kiel", "date": "1964"},
    )
    assert response.status_code == 302 and response["Location"] == partnership.get_absolute_url()
    attachment = Attachment.objects.get()
    page = viewer.get(partnership.get_absolute_url()).content.decode()
    assert (
        "Gift from Kiel" in page and reverse("attachments:thumbnail", args=[attachment.pk]) in page
    )
    thumb = viewer.get(reverse("attachments:thumbnail", args=[attachment.pk]))
    assert thumb["Content-Type"] == "image/jpeg"


def test_an_upload_refused_shows_the_reason_and_other_editors_may_not_upload(world):
    partnership = world["partnership"]
    url = reverse("attachments:upload", args=["partnership", partnership.pk])
    editor, stranger = Client(), Client()
    editor.force_login(world["editor"])
    stranger.force_login(world["stranger"])
    response = editor.post(url, {"file": _upload("x.pdf", b"\x7fELF\x02\x01" + b"\x00" * 100)})
    assert (
        response.status_code == 422
        and "x.pdf is not a file that can be kept" in response.content.decode()
    )
    assert stranger.post(url, {"file": _upload("a.pdf", pdf_bytes())}).status_code == 403
    hidden = reverse("attachments:upload", args=["partnership", world["hidden"].pk])
    assert stranger.post(hidden, {"file": _upload("a.pdf", pdf_bytes())}).status_code == 404
    assert not Attachment.objects.exists()


def _bearer(user):
    _token, key = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_api_uploads_lists_downloads_changes_and_deletes(world, django_capture_on_commit_callbacks):
    client = Client()
    headers = _bearer(world["editor"])
    response = client.post(
        "/api/attachments",
        {
            "record_kind": "partnership",
            "record_id": world["partnership"].pk,
            "file": _upload("aftale.pdf", pdf_bytes()),
            "title": "Agreement",
            "language": "da",
            "date": "1964-05",
        },
        **headers,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["media_type"] == "application/pdf" and body["date"] == "1964-05"
    assert "Venskabsaftale" in body["text"] and body["is_public"] is False
    listed = client.get(
        "/api/attachments",
        {"record_kind": "partnership", "record_id": world["partnership"].pk},
        **headers,
    ).json()
    assert [item["id"] for item in listed["items"]] == [body["id"]]
    assert Client().get("/api/attachments").json()["count"] == 0
    file = client.get(body["download"], **headers)
    assert b"".join(file.streaming_content) == pdf_bytes()
    assert Client().get(body["download"]).status_code == 404
    changed = client.patch(
        f"/api/attachments/{body['id']}",
        {"is_public": True},
        content_type="application/json",
        **headers,
    )
    assert changed.status_code == 200 and changed.json()["is_public"] is True
    assert Client().get("/api/attachments").json()["count"] == 1
    stranger = _bearer(world["stranger"])
    assert client.delete(f"/api/attachments/{body['id']}", **stranger).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        assert client.delete(f"/api/attachments/{body['id']}", **headers).status_code == 204
    assert not Attachment.objects.exists()


def test_api_refuses_a_wrong_type_and_an_unknown_record(world):
    client, headers = Client(), _bearer(world["editor"])
    refused = client.post(
        "/api/attachments",
        {
            "record_kind": "partnership",
            "record_id": world["partnership"].pk,
            "file": _upload("a.exe", b"MZ" + b"\x00" * 300),
        },
        **headers,
    )
    assert refused.status_code == 422 and "a.exe" in refused.content.decode()
    missing = client.post(
        "/api/attachments",
        {"record_kind": "visit", "record_id": 999, "file": _upload("a.pdf", pdf_bytes())},
        **headers,
    )
    assert missing.status_code == 404
    assert not Attachment.objects.exists()


def test_files_go_to_s3_compatible_storage_when_a_bucket_is_named():
    assert _file_storage({})["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    s3 = _file_storage(
        {
            "TWINNING_S3_BUCKET": "files",
            "TWINNING_S3_ENDPOINT_URL": "https://s3.example.org",
            "TWINNING_S3_PREFIX": "twinning",
        }
    )
    assert s3["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s3["OPTIONS"]["bucket_name"] == "files"
    assert s3["OPTIONS"]["endpoint_url"] == "https://s3.example.org"
    assert s3["OPTIONS"]["location"] == "twinning"
    # Files stay private on the storage: the site serves them after its own check.
    assert s3["OPTIONS"]["default_acl"] is None and "access_key" not in s3["OPTIONS"]
