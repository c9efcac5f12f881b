from django.urls import path

from twinning.partnerships import views

app_name = "partnerships"
urlpatterns = [
    path("", views.partnership_list, name="list"),
    path("new/", views.partnership_create, name="create"),
    path("conflicts/", views.partnership_conflict_list, name="conflicts"),
    path("places-to-review/", views.place_review_list, name="place_review"),
    path("places/<int:pk>/merge/", views.place_merge_view, name="place_merge"),
    path("<int:pk>/", views.partnership_detail, name="detail"),
    path("<int:pk>/edit/", views.partnership_update, name="update"),
    path("<int:pk>/agreements/new/", views.agreement_create, name="agreement_create"),
    path(
        "<int:pk>/agreements/<int:agreement_pk>/edit/",
        views.agreement_update,
        name="agreement_update",
    ),
]
