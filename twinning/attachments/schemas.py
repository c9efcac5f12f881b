"""Shapes of attachments in the JSON API."""

from django.urls import reverse
from ninja import Field, Schema

from twinning.attachments.models import RecordKind
from twinning.core.api import OWNER, PUBLIC, Body, PartialDateStr


class AttachmentOut(Schema):
    """A file kept on a record."""

    id: int = Field(description="Identifier of the file.")
    record_kind: RecordKind = Field(description="Kind of the record the file is kept on.")
    record_id: int = Field(description="Identifier of that record.")
    title: str = Field(description="Title.")
    language: str = Field(description="Language code of the file's text; may be empty.")
    date: PartialDateStr | None = Field(description="Date of the document.")
    file_name: str = Field(description="Name of the file as it was uploaded.")
    media_type: str = Field(description="Type of the file, read from its content.")
    size: int = Field(description="Size in bytes.")
    sha256: str = Field(description="SHA-256 digest of the file, in hexadecimal.")
    has_thumbnail: bool = Field(description="Whether a thumbnail of the picture is kept.")
    download: str = Field(description="Address of the file itself (GET …/file).")
    owner: int | None = OWNER
    is_public: bool = PUBLIC

    @staticmethod
    def resolve_has_thumbnail(obj) -> bool:
        return bool(obj.thumbnail)

    @staticmethod
    def resolve_download(obj) -> str:
        return reverse("api:attachment_file", args=[obj.pk])


class AttachmentDetailOut(AttachmentOut):
    """A file kept on a record, with the text read from it."""

    text: str = Field(description="Text read from the file (PDF or plain text); may be empty.")


class AttachmentIn(Body):
    """What may be changed of a file once kept."""

    title: str = Field(description="Title.")
    language: str = Field("", description="Language code of the file's text.")
    date: PartialDateStr | None = Field(None, description="Date of the document.")
    is_public: bool = Field(False, description="Shown to visitors who may see the record.")
