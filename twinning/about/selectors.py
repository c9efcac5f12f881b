from django.core.cache import cache

from twinning.about.models import AboutPage, SiteIdentity

# Every page shows the identity in its header; it is read from the cache, and another
# process sees a change by the administrator within this many seconds.
IDENTITY_CACHE_KEY = "about:site-identity"
IDENTITY_CACHE_SECONDS = 60


def site_identity() -> SiteIdentity:
    """Return the site's identity as the administrator set it (empty until then)."""
    return cache.get_or_set(
        IDENTITY_CACHE_KEY,
        lambda: SiteIdentity.objects.order_by("pk").first() or SiteIdentity(),
        IDENTITY_CACHE_SECONDS,
    )


def about_page(*, kind: str) -> AboutPage:
    """Return the page of a kind as written, or an unwritten one (empty texts)."""
    return AboutPage.objects.filter(kind=kind).first() or AboutPage(kind=kind)
