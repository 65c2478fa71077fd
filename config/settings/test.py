"""The test suite: fast hashing, in-memory cache, immediate tasks, e-mail kept in memory."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
STATIC_ROOT = None  # static files come from the finders; no collectstatic before tests
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
STORAGES["private"]["OPTIONS"]["location"] = VAR_DIR / "test-private"  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405 - no connection may outlive a test (PostgreSQL teardown)
KNOWLEDGE_PRINT_ON_PUBLISH = False  # tests that print turn it on
THAI_LINE_BREAKS = False  # the browser tests and tests/search/test_line_breaks.py turn it on
LOGGING["loggers"]["site.requests"]["level"] = "WARNING"  # noqa: F405 - no line per test request
