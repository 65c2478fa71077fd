"""Site URLs. Django views first; everything else is Wagtail's page tree (/, /plan/..., /updates/...)."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path, register_converter
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import LoginView
from api.docs import reference as api_reference
from api.views import api
from knowledge import routing, sitemaps
from knowledge.thaidate import BuddhistYearConverter

register_converter(BuddhistYearConverter, "be_year")

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("oidc/", include("accounts.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps.SECTIONS}),
    path("robots.txt", sitemaps.robots),
    path("api/", api_reference, name="api_reference"),
    path("api/v1/", api.urls),
    path("forums/", include("forums.urls")),
    path("monitoring/", include("monitoring.urls")),
    path("priorities/", include("priorities.urls")),
    path("participation/", include("participation.urls")),
    path("", include("knowledge.urls")),
    path("", include("search.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page view, with the route to each page cached (knowledge/routing.py); the rest of its URLs.
urlpatterns += [
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]
