from django.urls import path

from twinning.strategies import views

app_name = "strategies"
urlpatterns = [
    path("", views.strategy_list, name="list"),
    path("new/", views.strategy_create, name="create"),
    path("<int:pk>/", views.strategy_detail, name="detail"),
    path("<int:pk>/edit/", views.strategy_update, name="update"),
    path("goals/<int:pk>/", views.goal_detail, name="goal_detail"),
    path("alignment/", views.alignment, name="alignment"),
    path("budgets/", views.budget_list, name="budget_list"),
    path("budgets/<int:pk>/", views.budget_detail, name="budget_detail"),
    path(
        "budgets/<int:pk>/contributions/",
        views.budget_contribution_add,
        name="budget_contribution_add",
    ),
    path("partnerships/<int:pk>/money/", views.partnership_money, name="partnership_money"),
]
