from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from twinning.core.fields import partial_date_or_error
from twinning.core.partialdates import PartialDate
from twinning.core.search import search_entry_delete, search_entry_update
from twinning.core.services import model_update
from twinning.sources.models import Evidence, Source


@transaction.atomic
def source_create(
    *,
    title: str,
    kind: str,
    url: str = "",
    language: str = "",
    published: PartialDate | str | None = None,
    publisher=None,
    file_name: str = "",
    content_hash: str = "",
    text: str = "",
    owner=None,
    is_public: bool = True,
) -> Source:
    """Create a source after validating it."""
    source = Source(
        title=title,
        kind=kind,
        url=url,
        language=language,
        published=partial_date_or_error(published, "published"),
        publisher=publisher,
        file_name=file_name,
        content_hash=content_hash,
        text=text,
        owner=owner,
        is_public=is_public,
    )
    source.full_clean()
    source.save()
    search_entry_update(source)
    return source


@transaction.atomic
def source_update(*, source: Source, version: int | None = None, **fields) -> Source:
    """Change the given fields of a source after validating them."""
    if "published" in fields:
        fields["published"] = partial_date_or_error(fields["published"], "published")
    model_update(instance=source, data=fields, version=version)
    search_entry_update(source)
    return source


@transaction.atomic
def evidence_add(
    *, source: Source, fact: Model, quote: str, start: int | None = None, end: int | None = None
) -> Evidence:
    """Record that a passage of the source supports a fact.

    When the source holds its text, the passage must be exactly the text between the
    offsets; without offsets it must occur in the text, and its first occurrence gives
    them. Raise ValidationError otherwise.
    """
    if source.text and quote and start is None and end is None:
        found = source.text.find(quote)
        if found < 0:
            raise ValidationError(
                {"quote": _("The quoted passage does not occur in the source text.")}
            )
        start, end = found, found + len(quote)
    evidence = Evidence(source=source, fact=fact, quote=quote, start=start, end=end)
    evidence.full_clean()
    evidence.save()
    return evidence


@transaction.atomic
def source_delete(*, source: Source) -> None:
    """Delete a source with its evidence; agreements whose text it held keep standing."""
    search_entry_delete(source)
    source.delete()


@transaction.atomic
def evidence_delete(*, evidence: Evidence) -> None:
    """Delete one piece of evidence; the fact it supported stays."""
    evidence.delete()
