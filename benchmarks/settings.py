"""Benchmark server: production-like (no debug, compressed static files, page cache) on loopback."""

import os

from config.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "benchmark-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "benchmarks.urls"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# RENDERINGS_KEPT=0: every page rendered from scratch, as the first view after a change gets it.
RENDERINGS_KEPT = os.environ.get("RENDERINGS_KEPT", "1") == "1"
# The cache production uses (config.settings.base): Redis with REDIS_URL, else the file cache, here in a
# directory of its own that each run starts empty.
CACHES["default"].setdefault("KEY_PREFIX", "bench")  # noqa: F405
if "LOCATION" in CACHES["default"] and not os.environ.get("REDIS_URL"):  # noqa: F405
    CACHES["default"]["LOCATION"] = VAR_DIR / "bench-cache"  # noqa: F405

if os.environ.get("BENCH_STOCK_WAGTAIL_SEARCH"):
    # Wagtail as shipped, for benchmarks/search_speed.py's peer measurement.
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
