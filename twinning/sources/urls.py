from django.urls import path

from twinning.sources import views

app_name = "sources"
urlpatterns = [
    path("", views.source_list, name="list"),
    path("new/", views.source_create, name="create"),
    path("<int:pk>/", views.source_detail, name="detail"),
    path("<int:pk>/edit/", views.source_edit, name="edit"),
]
