"""JSON endpoints for files kept on records: list, upload, read, change, download, delete."""

from django.core.files.storage import default_storage
from django.http import FileResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import File, Form, Router, UploadedFile
from ninja.errors import HttpError

from twinning.accounts.auth import read_auth, write_auth
from twinning.attachments import selectors, services
from twinning.attachments.filters import AttachmentFilter
from twinning.attachments.models import Attachment, RecordKind
from twinning.attachments.schemas import AttachmentDetailOut, AttachmentIn, AttachmentOut
from twinning.core.api import ErrorOut, InvalidOut, Resource, _respond
from twinning.core.fields import partial_date_or_error


def _may_change(user, attachment: Attachment) -> bool:
    record = selectors.attachment_record(attachment)
    return record is not None and selectors.may_attach(user, record)


attachments = Resource(
    model=Attachment,
    out=AttachmentOut,
    detail=AttachmentDetailOut,
    select=lambda user: selectors.attachment_list(user=user),
    fetch=lambda user, pk: selectors.attachment_detail(user=user, pk=pk),
    filterset=AttachmentFilter,
    query_docs={"record_kind": "Kind of record.", "record_id": "Identifier of the record."},
    body=AttachmentIn,
    update=services.attachment_update,
    delete=services.attachment_delete,
    may_edit=_may_change,
    not_found=gettext_lazy("No such file."),
    docs={
        "list": "A private file is listed only to its organisation's members, and no file "
        "of a record the caller may not see.",
        "delete": "The stored file goes with it.",
    },
)
router = attachments.mount(Router(tags=["attachments"]))


@router.post(
    "",
    response={
        201: AttachmentDetailOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        422: InvalidOut,
    },
    auth=write_auth,
    operation_id="attachment_create",
    summary="Keep a file on a record",
    description=(
        "Upload a file (multipart/form-data) to keep on a record the caller may change, named "
        "by its kind and id. The type is read from the file's content: PDF, images, Office "
        "and OpenDocument files and plain text are taken; anything else, or a file above the "
        "size limit, gives 422. The text of a PDF is read and kept for search; pictures get "
        "a thumbnail. The file belongs to the record's organisation and is private unless "
        "is_public is true."
    ),
)
def create(
    request,
    record_kind: Form[RecordKind],
    record_id: Form[int],
    file: File[UploadedFile],
    title: Form[str] = "",
    language: Form[str] = "",
    date: Form[str] = "",
    is_public: Form[bool] = False,
):
    record = selectors.visible_records(record_kind, request.user).filter(pk=record_id).first()
    if record is None:
        raise HttpError(404, _("No such record."))
    if not selectors.may_attach(request.user, record):
        raise HttpError(403, _("You may not change this record."))
    attachment = services.attachment_create(
        record=record,
        file=file,
        title=title,
        language=language,
        date=partial_date_or_error(date, "date") if date else None,
        is_public=is_public,
        uploaded_by=request.user,
    )
    return _respond(attachments.get(request, attachment.pk), AttachmentDetailOut, status=201)


@router.get(
    "/{int:pk}/file",
    response={200: None, 404: ErrorOut},
    auth=read_auth,
    url_name="attachment_file",
    operation_id="attachment_file",
    summary="Download a file",
    description="Send the file itself under its uploaded name, to a caller who may see it.",
)
def download(request, pk: int):
    attachment = attachments.get(request, pk)
    response = FileResponse(
        default_storage.open(attachment.file.name, "rb"),
        as_attachment=True,
        filename=attachment.file_name,
        content_type=attachment.media_type,
    )
    response["Cache-Control"] = "private, max-age=0, no-cache"
    return response
