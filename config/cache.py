"""The caches production gets: the file cache without REDIS_URL, Redis with it.

The file cache is made to hold a site's renderings.

Django's file cache counts every file of its directory on every write (to cull when full) and culls past
300 entries: the marks and shared renderings of one busy hour are many thousands. This one counts at
most once every CULL_EVERY writes per process, and is configured for MAX_ENTRIES in the tens of
thousands (settings). An evicted mark or rendering is only made again (knowledge.dependencies).

Django's Redis cache builds a new redis-py client for every call, and redis-py 8 fills a table of some 170
response callbacks in each: 0.3 ms of a 0.45 ms `get` here, a dozen times per signed-in page. This one
keeps one client per server (redis-py clients are thread-safe and share the connection pool).

With Redis down, Django's cache raises on every call and every page answers 500. This one then behaves as
Django's dummy cache (every read a miss, every write dropped, `add` granted) and leaves Redis alone for
DOWN_SECONDS before trying again, so pages are rendered from the database and writes still work.
"""

import functools
import logging
import random
import time

from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

CULL_EVERY = 100
DOWN_SECONDS = 5
logger = logging.getLogger(__name__)


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


# What each call answers while Redis is down: as django.core.cache.backends.dummy.DummyCache does.
WHEN_DOWN = {
    "get": lambda key, default=None, version=None: default,  # default may come by position (get_or_set)
    "get_many": lambda *args, **kwargs: {},
    "set_many": lambda *args, **kwargs: [],
    "add": lambda *args, **kwargs: True,
    "has_key": lambda *args, **kwargs: False,
    "delete": lambda *args, **kwargs: False,
    "touch": lambda *args, **kwargs: False,
}


def unless_down(method):
    name = method.__name__

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return self._when_down(name, *args, **kwargs)
        try:
            return method(self, *args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError) as error:
            self._down_until = time.monotonic() + DOWN_SECONDS
            logger.warning("Redis unreachable (%s); running without a cache for %ss", error, DOWN_SECONDS)
            return self._when_down(name, *args, **kwargs)

    return call


class RedisCache(DjangoRedisCache):
    _down_until = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = KeptClient

    def _when_down(self, name, *args, **kwargs):
        if name in ("incr", "decr"):
            raise ValueError("no such key: the cache is down")  # as for a missing key
        return WHEN_DOWN.get(name, lambda *args, **kwargs: None)(*args, **kwargs)

    def is_down(self):
        return time.monotonic() < self._down_until

    add = unless_down(DjangoRedisCache.add)
    get = unless_down(DjangoRedisCache.get)
    set = unless_down(DjangoRedisCache.set)
    touch = unless_down(DjangoRedisCache.touch)
    delete = unless_down(DjangoRedisCache.delete)
    get_many = unless_down(DjangoRedisCache.get_many)
    has_key = unless_down(DjangoRedisCache.has_key)
    incr = unless_down(DjangoRedisCache.incr)
    set_many = unless_down(DjangoRedisCache.set_many)
    delete_many = unless_down(DjangoRedisCache.delete_many)
    clear = unless_down(DjangoRedisCache.clear)
