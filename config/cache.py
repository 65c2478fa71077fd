"""The file cache production gets without REDIS_URL, made to hold a site's renderings.

Django's file cache counts every file of its directory on every write (to cull when full) and culls past
300 entries: the marks and shared renderings of one busy hour are many thousands. This one counts at
most once every CULL_EVERY writes per process, and is configured for MAX_ENTRIES in the tens of
thousands (settings). An evicted mark or rendering is only made again (knowledge.dependencies).
"""

import random

from django.core.cache.backends.filebased import FileBasedCache

CULL_EVERY = 100


class FileCache(FileBasedCache):
    def _cull(self):
        if random.random() < 1 / CULL_EVERY:  # noqa: S311 - spreading work, not security
            super()._cull()
