from django.urls import path

from twinning.places import views

app_name = "places"
urlpatterns: list = []
