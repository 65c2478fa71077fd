"""Benchmark server: production-like (no debug, compressed static files, page cache) on loopback."""

import os

from config.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "benchmark-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "benchmarks.urls"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

if os.environ.get("BENCH_STOCK_WAGTAIL_SEARCH"):
    # Wagtail as shipped, for benchmarks/search_speed.py's peer measurement.
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
