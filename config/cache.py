"""The caches production gets: the file cache without REDIS_URL, Redis with it.

The file cache is made to hold a site's renderings.

Django's file cache counts every file of its directory on every write (to cull when full) and culls past
300 entries: the marks and shared renderings of one busy hour are many thousands. This one counts at
most once every CULL_EVERY writes per process, and is configured for MAX_ENTRIES in the tens of
thousands (settings). An evicted mark or rendering is only made again (knowledge.dependencies).

Django's Redis cache builds a new redis-py client for every call, and redis-py 8 fills a table of some 170
response callbacks in each: 0.3 ms of a 0.45 ms `get` here, a dozen times per signed-in page. This one
keeps one client per server (redis-py clients are thread-safe and share the connection pool).
"""

import random

from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient

CULL_EVERY = 100


class FileCache(FileBasedCache):
    def _cull(self):
        if random.random() < 1 / CULL_EVERY:  # noqa: S311 - spreading work, not security
            super()._cull()


class KeptClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        clients = self.__dict__.setdefault("_clients", {})
        if index not in clients:
            clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return clients[index]


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = KeptClient
