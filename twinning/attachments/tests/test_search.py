import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile

from twinning.attachments.services import attachment_create, attachment_delete, attachment_update
from twinning.attachments.tests.conftest import pdf_bytes
from twinning.partnerships.services import partnership_update
from twinning.search.selectors import search

pytestmark = pytest.mark.django_db


def _files(word: str, user) -> list[str]:
    result = search(q=word, user=user)
    return [
        hit.title for group in result.groups if group.kind == "attachment" for hit in group.items
    ]


def test_a_files_text_is_found_by_whoever_may_see_the_file_and_its_record(world):
    anonymous = AnonymousUser()
    public = attachment_create(
        record=world["partnership"],
        file=SimpleUploadedFile("a.pdf", pdf_bytes()),
        title="Signed charter",
        is_public=True,
    )
    attachment_create(
        record=world["partnership"],
        file=SimpleUploadedFile("b.pdf", pdf_bytes()),
        title="Internal copy",
    )
    attachment_create(
        record=world["hidden"],
        file=SimpleUploadedFile("c.pdf", pdf_bytes()),
        title="Copy on a private tie",
        is_public=True,
    )
    # Found by the words inside the PDF, not only by its title.
    assert _files("Venskabsaftale", anonymous) == ["Signed charter"]
    assert sorted(_files("Venskabsaftale", world["viewer"])) == [
        "Copy on a private tie",
        "Internal copy",
        "Signed charter",
    ]
    assert _files("Venskabsaftale", world["stranger"]) == ["Signed charter"]

    # A record turned private takes its files out of the public's results.
    partnership_update(partnership=world["partnership"], is_public=False)
    assert _files("Venskabsaftale", anonymous) == []

    attachment_update(attachment=public, title="Charter of 1964")
    assert "Charter of 1964" in _files("charter", world["viewer"])
    attachment_delete(attachment=public)
    assert "Charter of 1964" not in _files("charter", world["viewer"])
