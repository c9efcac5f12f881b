from django.urls import path

from twinning.people import views

app_name = "people"
urlpatterns: list = []
