from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "aduan.accounts"
    label = "accounts"
    verbose_name = "Akun / Accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from aduan.accounts.middleware import stamp_login

        user_logged_in.connect(stamp_login, dispatch_uid="aduan.accounts.stamp_login")
