import logging

import requests
from django.conf import settings
from django.contrib.auth import views as auth_views
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

logger = logging.getLogger(__name__)


class LoginView(auth_views.LoginView):
    """The site's sign-in: a username and password (local or, when configured, the ministry's LDAP), and a
    button for the ministry's OpenID Connect provider when that is configured."""

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "oidc_enabled": settings.OIDC_ENABLED,
            "sso_failed": "sso" in self.request.GET,
        }


class CallbackView(OIDCAuthenticationCallbackView):
    """mozilla-django-oidc's callback; a provider that does not answer sends the person back to the
    sign-in page with a message, instead of an error page."""

    def get(self, request):
        try:
            return super().get(request)
        except requests.RequestException as error:
            logger.warning("OpenID Connect provider unreachable: %s", error)
            return self.login_failure()
