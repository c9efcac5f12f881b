from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from twinning.api import api
from twinning.core.views import set_language

if settings.TWINNING_ADMIN_OTP:
    # The documented way to have the admin ask for a verified second factor.
    admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),
]
urlpatterns += i18n_patterns(
    path("", include("twinning.dashboard.urls")),
    path("accounts/", include("twinning.accounts.urls")),
    path("", include("twinning.core.urls")),
    path("places/", include("twinning.places.urls")),
    path("organisations/", include("twinning.organisations.urls")),
    path("people/", include("twinning.people.urls")),
    path("partnerships/", include("twinning.partnerships.urls")),
    path("sources/", include("twinning.sources.urls")),
    path("activities/", include("twinning.activities.urls")),
    path("institutions/", include("twinning.institutions.urls")),
    path("projects/", include("twinning.projects.urls")),
    path("seeking/", include("twinning.profiles.urls")),
    path("sites/", include("twinning.sites.urls")),
    path("visits/", include("twinning.visits.urls")),
    path("participants/", include("twinning.participants.urls")),
    path("grants/", include("twinning.grants.urls")),
    path("search/", include("twinning.search.urls")),
    path("ingestion/", include("twinning.ingestion.urls")),
    path("atlas/", include("twinning.atlas.urls")),
    path("strategies/", include("twinning.strategies.urls")),
    path("reports/", include("twinning.reports.urls")),
    path("notifications/", include("twinning.notifications.urls")),
    path("attachments/", include("twinning.attachments.urls")),
    path("about/", include("twinning.about.urls")),
    path(settings.TWINNING_ADMIN_PATH, admin.site.urls),
    prefix_default_language=False,
)
