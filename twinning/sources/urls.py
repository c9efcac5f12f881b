from django.urls import path

from twinning.sources import views

app_name = "sources"
urlpatterns: list = []
