from django.urls import path

from benchmarks.urls import bare


def healthz(request):
    return bare(request)


urlpatterns = [path("bench/bare/", bare), path("healthz", healthz)]
