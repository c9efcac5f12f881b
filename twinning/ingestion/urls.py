from django.urls import path

from twinning.ingestion import views

app_name = "ingestion"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("upload/", views.upload, name="upload"),
    path("jobs/<int:pk>/", views.job_detail, name="job"),
    path("documents/<int:pk>/", views.review, name="review"),
    path("suggestions/<int:pk>/accept/", views.suggestion_accept, name="accept"),
    path("suggestions/<int:pk>/reject/", views.suggestion_reject, name="reject"),
    path("suggestions/<int:pk>/reopen/", views.suggestion_reopen, name="reopen"),
    path("suggestions/<int:pk>/edit/", views.suggestion_edit, name="edit"),
]
