from django.urls import path

from aduan.intake import views

app_name = "intake"

urlpatterns = [
    path("whatsapp/", views.whatsapp_webhook, name="whatsapp"),
    path("email/", views.email_webhook, name="email"),
]
