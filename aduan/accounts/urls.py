from django.contrib.auth import views as auth_views
from django.urls import path

from aduan.accounts import views

app_name = "accounts"

urlpatterns = [
    path(
        "masuk/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("verifikasi/", views.otp_verify, name="otp_verify"),
    path("dua-langkah/", views.otp_setup, name="otp_setup"),
    path("dua-langkah/kode-pemulihan/", views.recovery_codes, name="recovery_codes"),
    path("audit/identitas/", views.identity_audit, name="identity_audit"),
]
