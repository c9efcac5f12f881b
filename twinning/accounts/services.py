import secrets

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from twinning.accounts.models import ApiToken, Membership, Role


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


@transaction.atomic
def api_token_create(*, user, name: str, expires_at=None) -> tuple[ApiToken, str]:
    """Create an API token for the user; return it with its secret, which is shown once."""
    key = "tw_" + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user, name=name, prefix=key[:8], key_hash=ApiToken.hash_key(key), expires_at=expires_at
    )
    token.full_clean()
    token.save()
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> ApiToken:
    """Stop a token from working."""
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    return token
