"""A second worker process in the tests: the test settings with the file cache the test shares."""

import os

from config.settings.test import *  # noqa: F403

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ["WORKER_CACHE"],
    }
}
