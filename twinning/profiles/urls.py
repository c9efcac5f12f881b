from django.urls import path

from twinning.profiles import views

app_name = "profiles"
urlpatterns = [
    path("", views.profile_list, name="list"),
    path("new/", views.profile_create, name="create"),
    path("<int:pk>/", views.profile_detail, name="detail"),
    path("<int:pk>/edit/", views.profile_update, name="update"),
    path("places/<int:pk>/suggestions/", views.place_suggestions, name="suggestions"),
]
