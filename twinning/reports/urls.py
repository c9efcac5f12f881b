from django.urls import path

from twinning.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("new/", views.report_create, name="create"),
    path("alerts/", views.alerts, name="alerts"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/edit/", views.report_update, name="update"),
    path("<int:pk>/report.pdf", views.report_download, {"fmt": "pdf"}, name="pdf"),
    path("<int:pk>/report.docx", views.report_download, {"fmt": "docx"}, name="docx"),
    path("<int:pk>/make/<str:fmt>/", views.report_file_request, name="file_request"),
    path("files/<int:pk>/", views.report_file_detail, name="file"),
    path("files/<int:pk>/download/", views.report_file_download, name="file_download"),
]
