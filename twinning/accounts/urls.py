from django.urls import path

from twinning.accounts import views

app_name = "accounts"
urlpatterns: list = []
