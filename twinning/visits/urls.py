from django.urls import path

from twinning.visits import views

app_name = "visits"
urlpatterns = [
    path("", views.visit_list, name="list"),
    path("new/", views.visit_create, name="create"),
    path("<int:pk>/", views.visit_detail, name="detail"),
    path("<int:pk>/edit/", views.visit_update, name="update"),
    path("<int:pk>/programme.pdf", views.programme_pdf, name="programme_pdf"),
    path(
        "<int:pk>/programme/add-site/<int:site_pk>/",
        views.programme_add_site,
        name="programme_add_site",
    ),
    path(
        "<int:pk>/programme/<int:part_pk>/delete/",
        views.programme_item_delete,
        name="programme_delete",
    ),
    path(
        "<int:pk>/programme/<int:part_pk>/move/",
        views.programme_item_move,
        name="programme_move",
    ),
    path(
        "<int:pk>/commitments/<int:part_pk>/done/",
        views.commitment_done,
        name="commitment_done",
    ),
]
for _part, _segment in [
    ("member", "members"),
    ("programme", "programme"),
    ("gift", "gifts"),
    ("commitment", "commitments"),
]:
    urlpatterns += [
        path(
            f"<int:pk>/{_segment}/new/",
            views.part_form,
            {"part": _part},
            name=f"{_part}_create",
        ),
        path(
            f"<int:pk>/{_segment}/<int:part_pk>/edit/",
            views.part_form,
            {"part": _part},
            name=f"{_part}_update",
        ),
    ]
