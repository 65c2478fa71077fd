from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Sign-in with the ministry's accounts (OpenID Connect, LDAP/Active Directory), each off unless
    configured; their groups and agency mapped to the site's roles (knowledge.roles) and profile."""

    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from . import ldap  # noqa: F401  (connects django-auth-ldap's populate_user)
