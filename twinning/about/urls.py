from django.urls import path

from twinning.about import views

app_name = "about"
urlpatterns = [
    path("logo/", views.logo, name="logo"),
    path("<slug:kind>/", views.about_page, name="page"),
]
