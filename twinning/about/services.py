from django.core.cache import cache
from django.db import transaction

from twinning.about.models import SiteIdentity
from twinning.about.selectors import IDENTITY_CACHE_KEY


@transaction.atomic
def site_identity_save(*, identity: SiteIdentity) -> SiteIdentity:
    """Save the site's identity after validating it, and show it at once."""
    identity.full_clean()
    identity.save()
    # Forgotten now for this process, and again once committed, lest a page drawn
    # meanwhile put the old identity back.
    cache.delete(IDENTITY_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(IDENTITY_CACHE_KEY))
    return identity
