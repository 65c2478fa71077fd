"""The bare Django view on its own: no product middleware, no database, the same template engine."""

from benchmarks.settings import *  # noqa: F403

MIDDLEWARE = []
ROOT_URLCONF = "benchmarks.bare_urls"
