from django.urls import path

from twinning.atlas import views

app_name = "atlas"
urlpatterns = [
    path("", views.atlas_map, name="map"),
    path("national/", views.national, name="national"),
    path("national.csv", views.national_csv, name="national_csv"),
    path("national.pdf", views.national_pdf, name="national_pdf"),
    path("statistics/", views.statistics, name="statistics"),
]
