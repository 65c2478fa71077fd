"""Local development: the embedded default (SQLite in var/, file cache), debug on."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
PAGE_CACHE_SECONDS = 0  # editors see their changes at once
SHOW_DEMO_PASSWORDS = True
CONTENT_SECURITY_POLICY_REPORT_ONLY = True  # accessibility checkers inject their script; production blocks
