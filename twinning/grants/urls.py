from django.urls import path

from twinning.grants import views

app_name = "grants"
urlpatterns = [
    path("", views.grant_list, name="list"),
    path("new/", views.grant_create, name="create"),
    path("<int:pk>/", views.grant_detail, name="detail"),
    path("<int:pk>/edit/", views.grant_update, name="update"),
    path("<int:pk>/towns/new/", views.town_form, name="town_create"),
    path("<int:pk>/towns/<int:town_pk>/edit/", views.town_form, name="town_update"),
    path("<int:pk>/towns/<int:town_pk>/delete/", views.town_delete, name="town_delete"),
    path(
        "<int:pk>/towns/<int:town_pk>/participants.pdf",
        views.certification_pdf,
        name="certification_pdf",
    ),
    path("<int:pk>/final-report/", views.final_report, name="final_report"),
    path("<int:pk>/final-report.pdf", views.final_report_pdf, name="final_report_pdf"),
]
