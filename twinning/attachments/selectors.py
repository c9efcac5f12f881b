"""Reads of attachments, always through who may see the record a file is kept on."""

from __future__ import annotations

from django.db.models import Model, Q, QuerySet

from twinning.accounts.selectors import can_edit, user_organisation_ids, visible_to
from twinning.attachments.models import (
    RECORD_MODELS,
    Attachment,
    kind_of,
    owning_record,
    record_model,
)


def _own_flag(user) -> Q:
    """Return the condition on a file's own visibility: public, or of the user's organisations."""
    condition = Q(is_public=True)
    if org_ids := user_organisation_ids(user):
        condition |= Q(owner_id__in=org_ids)
    return condition


def visible_records(kind: str, user) -> QuerySet:
    """Return the records of a kind the user may see, judged by the record they belong to."""
    model = record_model(kind)
    path = RECORD_MODELS[kind][1]
    if not path:
        return visible_to(model._default_manager.all(), user)
    owner_model = model._meta.get_field(path).related_model
    visible = visible_to(owner_model._default_manager.all(), user)
    return model._default_manager.filter(**{f"{path}__in": visible.values("pk")})


def attachment_list(*, user) -> QuerySet[Attachment]:
    """Return every file the user may see: its own flag, and the record it is kept on."""
    rows = Attachment.objects.select_related("owner").defer("text")
    if getattr(user, "is_superuser", False):
        return rows
    on_visible = Q()
    for kind in RECORD_MODELS:
        on_visible |= Q(record_kind=kind, record_id__in=visible_records(kind, user).values("pk"))
    return rows.filter(_own_flag(user)).filter(on_visible)


def attachments_of(*, record: Model, user) -> list[Attachment]:
    """Return the files kept on a record the user sees, by date, newest first."""
    kind = kind_of(record)
    rows = Attachment.objects.filter(record_kind=kind, record_id=record.pk).defer("text")
    if not getattr(user, "is_superuser", False):
        rows = rows.filter(_own_flag(user))
    return list(rows.order_by("-date", "title", "pk"))


def attachment_detail(*, user, pk: int) -> Attachment:
    """Return one file the user may see; Attachment.DoesNotExist otherwise."""
    attachment = Attachment.objects.select_related("owner", "uploaded_by").get(pk=pk)
    if getattr(user, "is_superuser", False):
        return attachment
    if not (attachment.is_public or attachment.owner_id in user_organisation_ids(user)):
        raise Attachment.DoesNotExist
    if not visible_records(attachment.record_kind, user).filter(pk=attachment.record_id).exists():
        raise Attachment.DoesNotExist
    return attachment


def attachment_record(attachment: Attachment) -> Model | None:
    """Return the record a file is kept on, or None when it is gone."""
    return (
        record_model(attachment.record_kind)
        ._default_manager.filter(pk=attachment.record_id)
        .first()
    )


def may_attach(user, record: Model) -> bool:
    """Return whether the user may keep files on a record, and change or delete them."""
    kind = kind_of(record)
    return kind is not None and can_edit(user, owning_record(kind, record))


def record_url(record: Model) -> str:
    """Return the page of a record, or of the record it belongs to."""
    kind = kind_of(record)
    for candidate in (record, owning_record(kind, record) if kind else record):
        if hasattr(candidate, "get_absolute_url"):
            return candidate.get_absolute_url()
    return "/"
