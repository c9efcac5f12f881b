"""How API callers prove who they are: a session cookie or a bearer token."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.utils import timezone
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer, SessionAuth

from twinning.accounts.selectors import api_token_user

# Writing last_used_at on every request would turn each read into a write.
_LAST_USED_PRECISION = dt.timedelta(minutes=5)


def _failure_key(request) -> str:
    return "api-token-failures:" + request.META.get("REMOTE_ADDR", "")


class TokenAuth(HttpBearer):
    """Accept ``Authorization: Bearer <token>``; a wrong token is refused, not ignored.

    An address that sent ``TWINNING_TOKEN_FAILURE_LIMIT`` wrong tokens within
    ``TWINNING_TOKEN_FAILURE_WINDOW`` seconds is answered 429 until the window has passed,
    so tokens cannot be guessed at full speed.
    """

    def authenticate(self, request, token):
        key = _failure_key(request)
        if cache.get(key, 0) >= settings.TWINNING_TOKEN_FAILURE_LIMIT:
            raise HttpError(429, "Too many wrong API tokens from this address; try again later.")
        found = api_token_user(key=token)
        if found is None:
            if cache.add(key, 1, settings.TWINNING_TOKEN_FAILURE_WINDOW) is False:
                try:
                    cache.incr(key)
                except ValueError:  # expired between the two calls
                    cache.set(key, 1, settings.TWINNING_TOKEN_FAILURE_WINDOW)
            raise AuthenticationError(message="Invalid or expired API token.")
        api_token, user = found
        now = timezone.now()
        if api_token.last_used_at is None or now - api_token.last_used_at > _LAST_USED_PRECISION:
            type(api_token).objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = user
        return user


class AnonymousAuth:
    """Let callers without credentials through as anonymous visitors."""

    openapi_type = None

    def __call__(self, request):
        if "HTTP_AUTHORIZATION" in request.META:
            return None
        return request.user if request.user.is_authenticated else AnonymousUser()


# Reads: a token, a session, or nobody (who then sees public records only).
read_auth = [TokenAuth(), SessionAuth(csrf=True), AnonymousAuth()]
# Writes: a token, or a session with its CSRF token.
write_auth = [TokenAuth(), SessionAuth(csrf=True)]
