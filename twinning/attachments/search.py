"""Files kept on records in the search index, with the text read from them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext_lazy as _

from twinning.attachments.models import RECORD_MODELS, Attachment, RecordKind, record_model
from twinning.core.search import Document, Indexer, choice_words, join, register, year_of

# A long PDF's opening pages say what it is; the index keeps that much of its text.
MAX_BODY_CHARS = 200_000


def _record_visibility(attachments: list[Attachment]) -> dict[tuple[str, int], bool]:
    """Return whether each (kind, record id) may be seen by anyone: its owning record's flag."""
    shown: dict[tuple[str, int], bool] = {}
    by_kind: dict[str, set[int]] = {}
    for attachment in attachments:
        by_kind.setdefault(attachment.record_kind, set()).add(attachment.record_id)
    for kind, ids in by_kind.items():
        path = RECORD_MODELS[kind][1]
        flag = f"{path}__is_public" if path else "is_public"
        for pk, public in (
            record_model(kind)._default_manager.filter(pk__in=ids).values_list("pk", flag)
        ):
            shown[(kind, pk)] = bool(public)
    return shown


def _attachment_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
    attachments = list(Attachment.objects.filter(pk__in=ids))
    shown = _record_visibility(attachments)
    for attachment in attachments:
        kind, kind_words = choice_words(RecordKind, attachment.record_kind)
        yield (
            attachment.pk,
            Document(
                title=attachment.title,
                other_names=[attachment.file_name],
                body=join(kind, attachment.language) + "\n" + attachment.text[:MAX_BODY_CHARS],
                keywords=[kind_words],
                meta=[_("file"), RecordKind(attachment.record_kind)],
                year=year_of(attachment.date),
                # A file is public only on a record that is: visitors who may not see the
                # record never see its files, nor find them.
                is_public=attachment.is_public
                and shown.get((attachment.record_kind, attachment.record_id), False),
                owner_id=attachment.owner_id,
            ),
        )


def _files_on(label: str):  # noqa: ANN202 - a function of a record
    """Return, for a record of model ``label``, the ids of the files whose entries show it."""

    def ids(record: Any) -> list[int]:
        found: list[int] = []
        for kind, (model, path) in RECORD_MODELS.items():
            if model == label and not path:
                records = [record.pk]
            elif (
                path and record_model(kind)._meta.get_field(path).related_model._meta.label == label
            ):
                records = list(
                    record_model(kind)
                    ._default_manager.filter(**{path: record})
                    .values_list("pk", flat=True)
                )
            else:
                continue
            found += Attachment.objects.filter(record_kind=kind, record_id__in=records).values_list(
                "pk", flat=True
            )
        return found

    return ids


# The records whose visibility a file's entry follows: those that hold files themselves.
_OWNERS = sorted({model for model, path in RECORD_MODELS.values() if not path})

register(
    Indexer(
        kind="attachment",
        slot=20,
        plural=_("files"),
        model="attachments.Attachment",
        url_name="attachments:detail",
        documents=_attachment_documents,
        follows={label: _files_on(label) for label in _OWNERS},
    )
)
