from django.urls import path

from twinning.partnerships import views

app_name = "partnerships"
urlpatterns: list = []
