from django.urls import path

from twinning.core import views

app_name = "core"

urlpatterns = [
    path("lookup/<slug:name>/", views.lookup, name="lookup"),
    path("lookup/<slug:name>/new/", views.lookup_create, name="lookup_create"),
]
