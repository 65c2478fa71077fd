"""/oidc/authenticate/ and /oidc/callback/: mozilla-django-oidc's views, answering 404 when OpenID Connect
is not configured (settings.OIDC_ENABLED)."""

from functools import wraps

from django.conf import settings
from django.http import Http404
from django.urls import path
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from .views import CallbackView


def when_enabled(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


urlpatterns = [
    path(
        "authenticate/",
        when_enabled(OIDCAuthenticationRequestView.as_view()),
        name="oidc_authentication_init",
    ),
    path(
        "callback/",
        when_enabled(CallbackView.as_view()),
        name="oidc_authentication_callback",
    ),
]
