"""The site's URLs plus the bare Django view every page is compared with."""

from django.shortcuts import render
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def bare(request):
    """A small template and no database: the ceiling a page can reach on this machine."""
    return render(request, "benchmarks/bare.html", {"items": range(10)})


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
