from django.contrib.auth import views as auth_views
from django.urls import path

# No app_name: the templates and settings name these "login" and "logout", as Django does.
urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
