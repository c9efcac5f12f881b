"""Writes of attachments: a file checked, read and stored on a record, changed, deleted."""

from __future__ import annotations

import hashlib
import io
import logging
import uuid
from typing import Any

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Model
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from twinning.attachments.models import Attachment, kind_of, owning_record
from twinning.core.changes import ChangeAction, record_changed
from twinning.core.search import search_entry_delete, search_entry_update
from twinning.core.services import model_update

log = logging.getLogger(__name__)

# What may be kept, by the type read from the file's first bytes (never from its name).
ALLOWED_TYPES = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/tiff": "tif",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/msword": "doc",
    "application/vnd.ms-excel": "xls",
    "application/vnd.ms-powerpoint": "ppt",
    "text/plain": "txt",
}
# How much of a PDF is read for its text: enough for search, bounded for hostile files.
MAX_PDF_PAGES = 500
MAX_TEXT_CHARS = 1_000_000
THUMBNAIL_SIZE = (320, 320)


def _media_type(head: bytes) -> str | None:
    """Return the type the file's first bytes show, or None when it is none we know."""
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime
    if b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut off at the end of the sample is still text.
        if error.start < len(head) - 3:
            return None
    return "text/plain"


def _pdf_text(data: bytes) -> str:
    """Return the text of a PDF's pages; a PDF whose text cannot be read gives ""."""
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = []
        for page in reader.pages[:MAX_PDF_PAGES]:
            pages.append(page.extract_text() or "")
            if sum(map(len, pages)) > MAX_TEXT_CHARS:
                break
    except (PyPdfError, ValueError, KeyError, TypeError, RecursionError) as error:
        log.info("PDF text not read: %s", error)
        return ""
    return "\n\n".join(pages)[:MAX_TEXT_CHARS].replace("\x00", "")


def _thumbnail(data: bytes) -> bytes:
    """Return a JPEG thumbnail of an image; ValidationError when it is no readable image."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.thumbnail(THUMBNAIL_SIZE)
            out = io.BytesIO()
            image.convert("RGB").save(out, "JPEG", quality=80)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, ValueError) as error:
        raise ValidationError(
            {"file": _("The image could not be read: %(error)s") % {"error": error}}
        ) from error
    return out.getvalue()


def _read(file: File) -> bytes:
    limit = settings.TWINNING_MAX_ATTACHMENT_BYTES
    if file.size is not None and file.size > limit:
        raise ValidationError(
            {
                "file": _("%(name)s is %(size)s; a file may be at most %(limit)s.")
                % {
                    "name": file.name,
                    "size": filesizeformat(file.size),
                    "limit": filesizeformat(limit),
                }
            }
        )
    file.seek(0)
    data = file.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(
            {"file": _("A file may be at most %(limit)s.") % {"limit": filesizeformat(limit)}}
        )
    if not data:
        raise ValidationError({"file": _("%(name)s is empty.") % {"name": file.name}})
    return data


def attachment_check(*, file: File) -> tuple[bytes, str]:
    """Return the file's bytes and type, or refuse it for its size or its type."""
    data = _read(file)
    media_type = _media_type(data[:8192])
    if media_type not in ALLOWED_TYPES:
        raise ValidationError(
            {
                "file": _(
                    "%(name)s is not a file that can be kept (%(type)s): send a PDF, an "
                    "image, an Office or OpenDocument file, or plain text."
                )
                % {"name": file.name, "type": media_type or _("unknown type")}
            }
        )
    return data, media_type


def attachment_create(
    *,
    record: Model,
    file: File,
    title: str = "",
    language: str = "",
    date: Any = None,
    is_public: bool = False,
    uploaded_by=None,
) -> Attachment:
    """Keep a file on a record: checked by size and content, its text read, stored.

    The file gets the organisation of the record it is kept on. Nothing is stored when
    the file or its details are refused, and the stored files are removed again when
    the row cannot be written.
    """
    kind = kind_of(record)
    if kind is None:
        raise ValidationError(_("Files cannot be kept on this kind of record."))
    data, media_type = attachment_check(file=file)
    file_name = (file.name or "").rsplit("/", 1)[-1][:255] or f"file.{ALLOWED_TYPES[media_type]}"
    attachment = Attachment(
        record_kind=kind,
        record_id=record.pk,
        owner_id=getattr(owning_record(kind, record), "owner_id", None),
        is_public=is_public,
        title=(title or file_name.rsplit(".", 1)[0])[:300],
        language=language,
        date=date,
        file_name=file_name,
        media_type=media_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        text=_pdf_text(data) if media_type == "application/pdf" else "",
        uploaded_by=uploaded_by,
    )
    if media_type == "text/plain":
        attachment.text = data.decode("utf-8", errors="replace")[:MAX_TEXT_CHARS]
    thumbnail = _thumbnail(data) if media_type.startswith("image/") else None
    attachment.full_clean(exclude=["file"])
    stored = []
    try:
        attachment.file.save(f"upload.{ALLOWED_TYPES[media_type]}", ContentFile(data), save=False)
        stored.append(attachment.file.name)
        if thumbnail is not None:
            name = default_storage.save(
                f"attachments/thumbnails/{uuid.uuid4().hex}.jpg", ContentFile(thumbnail)
            )
            attachment.thumbnail.name = name
            stored.append(name)
        with transaction.atomic():
            attachment.save()
            search_entry_update(attachment)
            record_changed(instance=attachment, action=ChangeAction.CREATED)
    except BaseException:
        for name in stored:
            default_storage.delete(name)
        raise
    return attachment


@transaction.atomic
def attachment_update(
    *, attachment: Attachment, version: int | None = None, **fields: Any
) -> Attachment:
    """Change a file's title, language, date or visibility."""
    allowed = {"title", "language", "date", "is_public"}
    data = {name: value for name, value in fields.items() if name in allowed}
    attachment = model_update(instance=attachment, data=data, version=version)
    search_entry_update(attachment)
    return attachment


@transaction.atomic
def attachment_delete(*, attachment: Attachment) -> None:
    """Delete a file's record, and the stored files once that is committed."""
    names = [name for name in (attachment.file.name, attachment.thumbnail.name) if name]
    record_changed(instance=attachment, action=ChangeAction.DELETED)
    search_entry_delete(attachment)
    attachment.delete()
    transaction.on_commit(lambda: [default_storage.delete(name) for name in names])
