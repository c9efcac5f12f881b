"""Rules shared by the API's write endpoints: who may write, and how errors read."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db.models import Model, ProtectedError, QuerySet
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from twinning.accounts.selectors import can_edit, editable_organisation_ids, is_editor
from twinning.organisations.models import Organisation


def require_editor(user) -> None:
    """Refuse a caller who may not create records."""
    if not is_editor(user):
        raise HttpError(403, _("Only editors may change records."))


def require_can_edit(user, obj: Model) -> None:
    """Refuse a caller who may not change this record."""
    if not can_edit(user, obj):
        raise HttpError(403, _("You may not change this record."))


def owner_for(user, owner_id: int | None) -> Organisation | None:
    """Return the owner a new record gets: the one asked for, if the caller may use it."""
    allowed = editable_organisation_ids(user)
    if owner_id is None:
        if allowed is None or not allowed:
            return None
        if len(allowed) > 1:
            raise HttpError(422, _("Say which of your organisations owns the record (owner)."))
        owner_id = next(iter(allowed))
    if allowed is not None and owner_id not in allowed:
        raise HttpError(403, _("You may not file records under that organisation."))
    try:
        return Organisation.objects.get(pk=owner_id)
    except Organisation.DoesNotExist:
        raise HttpError(422, _("No organisation with id %(id)s.") % {"id": owner_id}) from None


def get_or_422(model: type[Model], pk: int | None, field: str):
    """Return the referenced row, or fail with 422 naming the field."""
    if pk is None:
        return None
    try:
        return model.objects.get(pk=pk)
    except model.DoesNotExist:
        raise HttpError(
            422, _("%(field)s: no record with id %(id)s.") % {"field": field, "id": pk}
        ) from None


def validation_error_payload(error: ValidationError) -> dict:
    """Return a Django validation error as the body of a 422 response."""
    if hasattr(error, "error_dict"):
        errors = {
            field: [str(m) for m in messages] for field, messages in error.message_dict.items()
        }
    else:
        errors = {"__all__": [str(m) for m in error.messages]}
    detail = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in errors.items())
    return {"detail": detail, "errors": errors}


def delete_conflict(error: ProtectedError, noun: str) -> HttpError:
    """Return a 409 error saying which records still refer to the one to be deleted."""
    counts = Counter(str(obj._meta.verbose_name_plural) for obj in error.protected_objects)
    refs = ", ".join(f"{name}: {count}" for name, count in sorted(counts.items()))
    return HttpError(
        409,
        _("The %(noun)s cannot be deleted because other records refer to it (%(refs)s).")
        % {"noun": noun, "refs": refs},
    )


def get_visible_or_422(queryset: QuerySet, pk: int | None, field: str):
    """Return the row of the queryset with this id, or fail with 422 naming the field.

    Pass a queryset already narrowed to what the caller may see, so that a hidden record
    reads the same as a missing one.
    """
    if pk is None:
        return None
    try:
        return queryset.get(pk=pk)
    except queryset.model.DoesNotExist:
        raise HttpError(
            422, _("%(field)s: no record with id %(id)s.") % {"field": field, "id": pk}
        ) from None


def get_many_or_422(queryset: QuerySet, pks, field: str) -> list:
    """Return the rows of the queryset with these ids in the order given, or fail with 422."""
    wanted = list(dict.fromkeys(pks or []))
    found = {obj.pk: obj for obj in queryset.filter(pk__in=wanted)}
    if missing := [pk for pk in wanted if pk not in found]:
        raise HttpError(
            422,
            _("%(field)s: no record with id %(id)s.")
            % {"field": field, "id": ", ".join(str(pk) for pk in missing)},
        )
    return [found[pk] for pk in wanted]


def blank_text(fields: dict, names) -> dict:
    """Return the fields with null turned into the empty string for the text fields named."""
    return {k: ("" if v is None and k in names else v) for k, v in fields.items()}
