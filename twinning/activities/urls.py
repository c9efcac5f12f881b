from django.urls import path

from twinning.activities import views

app_name = "activities"
urlpatterns = [
    path("", views.activity_list, name="list"),
    path("new/", views.activity_create, name="create"),
    path("calendar/", views.activity_calendar, name="calendar"),
    path("overview/", views.activity_overview, name="overview"),
    path("overview.csv", views.overview_csv_download, name="overview_csv"),
    path("overview.xlsx", views.overview_xlsx_download, name="overview_xlsx"),
    path("<int:pk>/", views.activity_detail, name="detail"),
    path("<int:pk>/edit/", views.activity_update, name="update"),
]
