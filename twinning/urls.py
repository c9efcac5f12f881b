from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from twinning.api import api

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),
]
urlpatterns += i18n_patterns(
    path("", include("twinning.core.urls")),
    path("accounts/", include("twinning.accounts.urls")),
    path("places/", include("twinning.places.urls")),
    path("organisations/", include("twinning.organisations.urls")),
    path("people/", include("twinning.people.urls")),
    path("partnerships/", include("twinning.partnerships.urls")),
    path("sources/", include("twinning.sources.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
