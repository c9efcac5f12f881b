from django.urls import path

from twinning.participants import views

app_name = "participants"
urlpatterns = [
    path("open/<str:kind>/<int:event_pk>/", views.register_open, name="open"),
    path("<int:pk>/", views.register_detail, name="register"),
    path("<int:pk>/edit/", views.register_update, name="register_update"),
    path(
        "<int:pk>/participants.<str:fmt>",
        views.register_export,
        name="register_export",
    ),
    path("<int:pk>/add/", views.participant_form, name="participant_create"),
    path(
        "<int:pk>/people/<int:participant_pk>/edit/",
        views.participant_form,
        name="participant_update",
    ),
    path(
        "<int:pk>/people/<int:participant_pk>/erase/",
        views.participant_erase,
        name="participant_erase",
    ),
    path(
        "<int:pk>/people/<int:participant_pk>/data.json",
        views.participant_export,
        name="participant_export",
    ),
    path("sign-up/<str:key>/", views.signup, name="signup"),
]
