from django.contrib.auth import get_user_model
from django.db import transaction

from twinning.accounts.models import Membership, Role


@transaction.atomic
def membership_set(*, user, organisation, role: str = Role.VIEWER) -> Membership:
    """Give the user a role in the organisation, replacing any role held before."""
    membership, _created = Membership.objects.update_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    membership.full_clean()
    return membership


@transaction.atomic
def user_create(*, username: str, password: str | None, email: str = "", is_superuser=False):
    """Create a user; superusers may also use the back office."""
    User = get_user_model()
    if is_superuser:
        return User.objects.create_superuser(username=username, email=email, password=password)
    return User.objects.create_user(username=username, email=email, password=password)
