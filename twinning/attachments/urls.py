from django.urls import path

from twinning.attachments import views

app_name = "attachments"
urlpatterns = [
    path("<slug:kind>/<int:record_id>/upload/", views.attachment_upload, name="upload"),
    path("<int:pk>/", views.attachment_detail, name="detail"),
    path("<int:pk>/file/", views.attachment_download, name="download"),
    path("<int:pk>/thumbnail/", views.attachment_thumbnail, name="thumbnail"),
    path("<int:pk>/delete/", views.attachment_delete, name="delete"),
]
