from django.urls import path

from twinning.organisations import views

app_name = "organisations"
urlpatterns: list = []
