"""Pages of attachments: the upload from a record's panel, a file's page, its download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinning.attachments import selectors, services
from twinning.attachments.forms import AttachmentForm
from twinning.attachments.models import RECORD_MODELS, Attachment
from twinning.attachments.selectors import visible_records


def _back(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


def _visible(request, pk: int) -> Attachment:
    try:
        return selectors.attachment_detail(user=request.user, pk=pk)
    except Attachment.DoesNotExist as exc:
        raise Http404 from exc


@login_required
@require_POST
def attachment_upload(request, kind: str, record_id: int):
    """Keep the uploaded file on the record, or show the form again with the reasons."""
    if kind not in RECORD_MODELS:
        raise Http404
    record = visible_records(kind, request.user).filter(pk=record_id).first()
    if record is None:
        raise Http404
    if not selectors.may_attach(request.user, record):
        raise PermissionDenied
    form = AttachmentForm(request.POST, request.FILES)
    back = _back(request, selectors.record_url(record))
    if form.is_valid():
        try:
            attachment = services.attachment_create(
                record=record, uploaded_by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("%(title)s was kept.") % {"title": attachment.title})
            return redirect(back)
    context = {"form": form, "record": record, "kind": kind, "back": back}
    return render(request, "attachments/form.html", context, status=422)


def attachment_detail(request, pk: int):
    """Show a file's details and the text read from it."""
    attachment = _visible(request, pk)
    record = selectors.attachment_record(attachment)
    context = {
        "attachment": attachment,
        "record": record,
        "record_url": selectors.record_url(record) if record is not None else "",
        "can_edit": record is not None and selectors.may_attach(request.user, record),
    }
    return render(request, "attachments/detail.html", context)


def _send(name: str, *, filename: str, content_type: str, as_attachment: bool):
    response = FileResponse(
        default_storage.open(name, "rb"),
        as_attachment=as_attachment,
        filename=filename,
        content_type=content_type,
    )
    # Files may be private: no shared cache keeps them.
    response["Cache-Control"] = "private, max-age=0, no-cache"
    return response


def attachment_download(request, pk: int):
    """Send the file to a user who may see it, under the name it was uploaded with."""
    attachment = _visible(request, pk)
    return _send(
        attachment.file.name,
        filename=attachment.file_name,
        content_type=attachment.media_type,
        as_attachment=True,
    )


def attachment_thumbnail(request, pk: int):
    """Send a picture's thumbnail to a user who may see the picture."""
    attachment = _visible(request, pk)
    if not attachment.thumbnail:
        raise Http404
    return _send(
        attachment.thumbnail.name,
        filename=f"{attachment.pk}.jpg",
        content_type="image/jpeg",
        as_attachment=False,
    )


@login_required
@require_POST
def attachment_delete(request, pk: int):
    """Delete a file from its record."""
    attachment = _visible(request, pk)
    record = selectors.attachment_record(attachment)
    if record is None or not selectors.may_attach(request.user, record):
        raise PermissionDenied
    services.attachment_delete(attachment=attachment)
    messages.success(request, _("%(title)s was deleted.") % {"title": attachment.title})
    return redirect(_back(request, selectors.record_url(record)))
