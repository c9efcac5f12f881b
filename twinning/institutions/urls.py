from django.urls import path

from twinning.institutions import views

app_name = "institutions"
urlpatterns = [
    path("", views.pair_list, name="pair_list"),
    path("new/", views.pair_create, name="pair_create"),
    path("<int:pk>/", views.pair_detail, name="pair_detail"),
    path("<int:pk>/edit/", views.pair_update, name="pair_update"),
    path("networks/", views.network_list, name="network_list"),
    path("networks/new/", views.network_create, name="network_create"),
    path("networks/<int:pk>/", views.network_detail, name="network_detail"),
    path("networks/<int:pk>/edit/", views.network_update, name="network_update"),
]
