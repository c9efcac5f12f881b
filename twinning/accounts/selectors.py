"""Who may see and change what.

Anonymous visitors see public records only. A logged-in user also sees the records of the
organisations the user belongs to. Editors and administrators of an organisation change
that organisation's records; superusers change everything.
"""

from __future__ import annotations

from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.utils import timezone

from twinning.accounts.models import ApiToken, Membership, Role

WRITE_ROLES = (Role.EDITOR, Role.ADMIN)


def user_organisation_ids(user, *, roles: tuple[str, ...] | None = None) -> set[int]:
    """Return the ids of the organisations the user belongs to, optionally by role."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cache_name = f"_twinning_orgs_{'-'.join(roles) if roles else 'all'}"
    cached = getattr(user, cache_name, None)
    if cached is None:
        memberships = Membership.objects.filter(user=user)
        if roles:
            memberships = memberships.filter(role__in=roles)
        cached = set(memberships.values_list("organisation_id", flat=True))
        setattr(user, cache_name, cached)
    return cached


def visible_to(queryset: QuerySet, user) -> QuerySet:
    """Return the part of an owned-records queryset the user may see."""
    if getattr(user, "is_superuser", False):
        return queryset
    condition = Q(is_public=True)
    if org_ids := user_organisation_ids(user):
        condition |= Q(owner_id__in=org_ids)
    return queryset.filter(condition)


def is_visible(obj: Model, user) -> bool:
    """Tell whether the user may see one owned record already loaded (as ``visible_to``)."""
    if getattr(user, "is_superuser", False) or obj.is_public:
        return True
    return obj.owner_id in user_organisation_ids(user)


def visibility_scope(user) -> str:
    """Return a key naming what the user may see: users who see the same share caches."""
    if getattr(user, "is_superuser", False):
        return "all"
    return ",".join(str(pk) for pk in sorted(user_organisation_ids(user))) or "public"


def visible_link(field: str, visible: QuerySet) -> Exists:
    """Return a filter condition: the record's ``field`` points at a row of ``visible``.

    Exists rather than IN: SQLite lists every row of an IN subquery before it looks at
    the few records being filtered, which at world scale costs tens of milliseconds.
    """
    return Exists(visible.order_by().filter(pk=OuterRef(field)))


def is_editor(user) -> bool:
    """Return whether the user may create records at all."""
    return bool(
        getattr(user, "is_superuser", False) or user_organisation_ids(user, roles=WRITE_ROLES)
    )


def can_edit(user, obj: Model) -> bool:
    """Return whether the user may change this record.

    Records without an owner (such as places) are shared reference data that any editor
    may change; owned records only by their own organisation's editors.
    """
    if getattr(user, "is_superuser", False):
        return True
    if not hasattr(obj, "owner_id"):
        return is_editor(user)
    return obj.owner_id is not None and obj.owner_id in user_organisation_ids(
        user, roles=WRITE_ROLES
    )


def editable_organisation_ids(user) -> set[int] | None:
    """Return the organisations the user may file records under; None means any."""
    if getattr(user, "is_superuser", False):
        return None
    return user_organisation_ids(user, roles=WRITE_ROLES)


def api_token_user(*, key: str):
    """Return (token, user) for a live API token's secret, or None."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=ApiToken.hash_key(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None or (token.expires_at and token.expires_at <= timezone.now()):
        return None
    return token, token.user
