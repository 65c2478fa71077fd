"""What cached renderings depend on, and telling them when it changed.

A rendering (a whole page for anonymous visitors, or a piece shared by everyone who sees the same thing)
records the *dependencies* it reads while it is made: names such as "page:00010001", "topic:5", "forum" or
"results:8" (`depends_on`, called before the reading), each with the time it was first read. A change
marks the names it affects with the time its transaction commits (`changed`; the one table from models to
names is config/dependencies.py). A rendering is served only while every name it read was last marked
before it read it, so

- a reply drops its topic and the lists that show it, and nothing else;
- a request that read the old rows just before a commit cannot store them as new (it read them earlier);
- a mark the cache has lost (evicted, or never written) is written again as a change made now, before
  anything reads the name: an eviction can never bring an older rendering back, as a generation counter
  that restarts at 1 would.

A request reads each mark once (`marks_per_request`, a middleware): its route, view restrictions and page
share most names, and each read is a round trip to Redis. What the request itself marks is seen at once.
"""

import time
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.module_loading import import_string

MARK = "dependency:"
MISSING = object()
_collecting = ContextVar("dependency collectors", default=())
_request_marks = ContextVar("marks read in this request", default=None)


def depends_on(*names):
    """Record that what is being rendered shows what these names stand for (call it before reading)."""
    collectors = _collecting.get()
    if collectors and names:
        marks(names)  # a missing mark is written now, so a reading after this counts as after it
        _declare(dict.fromkeys(names, time.time()))


def read_naming(read, names_of):
    """`read()`, for what is known only once read: its names (`names_of(value)`) count as read when the
    reading began. If one of them was marked since (or had no mark yet), it is read again after them."""
    began = time.time()
    value = read()
    names = names_of(value)
    if not _collecting.get() or not names:
        return value
    if any(when >= began - settings.CACHE_CLOCK_SKEW_SECONDS for when in marks(names).values()):
        depends_on(*names)
        return read()
    _declare(dict.fromkeys(names, began))
    return value


def _declare(read):
    """Pass names and the times they were read to every rendering in progress (the earliest time wins)."""
    for collected in _collecting.get():
        for name, when in read.items():
            if when < collected.get(name, when + 1):
                collected[name] = when


@contextmanager
def collecting():
    """The names read inside this block, with when (they still reach any rendering around it)."""
    read = {}
    token = _collecting.set((*_collecting.get(), read))
    try:
        yield read
    finally:
        _collecting.reset(token)


def changed(*names):
    """Mark these names changed now, for what this transaction renders next, and again once it commits:
    a request in between read the old rows, and the second mark tells its rendering so."""
    if names:
        names = set(names)
        if transaction.get_connection().in_atomic_block:
            mark(names)
        transaction.on_commit(partial(mark, names))


def mark(names):
    now = time.time()
    cache.set_many({MARK + name: now for name in names}, timeout=None)
    _remember(dict.fromkeys(names, now))


def marks(names):
    """When each name last changed; a mark the cache does not hold is written as a change made now."""
    known = _request_marks.get() or {}
    unread = [name for name in names if name not in known]
    found = cache.get_many([MARK + name for name in unread]) if unread else {}
    marked = {name: found.get(MARK + name) for name in unread}
    missing = [name for name, when in marked.items() if when is None]
    if missing:
        now = time.time()
        for name in missing:
            cache.add(MARK + name, now, timeout=None)
            marked[name] = now
    _remember(marked)
    seen = {**known, **marked}
    return {name: seen[name] for name in names}


def _remember(marked):
    if (known := _request_marks.get()) is not None:
        known.update(marked)


def marks_per_request(get_response):
    """Middleware: each mark is read from the cache once per request."""

    def middleware(request):
        token = _request_marks.set({})
        try:
            return get_response(request)
        finally:
            _request_marks.reset(token)

    return middleware


def unchanged(read):
    """Whether none of the names was marked since it was read. Hosts sharing one cache may disagree
    about the time by up to CACHE_CLOCK_SKEW_SECONDS."""
    skew = settings.CACHE_CLOCK_SKEW_SECONDS
    return all(marked < read[name] - skew for name, marked in marks(read).items())


def lookup(key):
    """The value stored at `key` if nothing it was made from changed since (its names then count as read
    by any rendering around this one); else MISSING."""
    entry = cache.get(key) if settings.RENDERINGS_KEPT else None
    if entry is None:
        return MISSING
    read, value = entry
    if not unchanged(read):
        return MISSING
    _declare(read)
    return value


class Rendering:
    """What a `rendering` block made: set `value`, or `store = False` to keep it out of the cache."""

    value = None
    store = True


@contextmanager
def rendering(key, seconds, names=()):
    """Collect what the block reads (and `names`); on leaving, store its `value` at `key` with them. A
    rendering that names nothing is not stored: nothing could ever tell it that it is out of date."""
    made = Rendering()
    with collecting() as read:
        depends_on(*names)
        yield made
    _declare(read)
    if read and made.store:
        cache.set(key, (read, made.value), seconds)


def cached(key, render, seconds, names=()):
    """The value stored at `key` while the names it was made from are unchanged; otherwise `render()`
    it again, collecting the names it reads (plus `names`)."""
    value = lookup(key)
    if value is MISSING:
        with rendering(key, seconds, names) as made:
            value = made.value = render()
    return value


def connect():
    """Connect the table named by settings.CACHE_DEPENDENCIES: (signal, sender label, names(**kwargs))."""
    for signal, sender, names_of in import_string(settings.CACHE_DEPENDENCIES):
        uid = f"dependencies.{names_of.__name__}.{sender}.{id(signal)}"
        signal.connect(partial(_receive, names_of), sender=_model(sender), weak=False, dispatch_uid=uid)


def _model(label):
    """ "app.Model", "app.Model.m2m_field" (its through model), or None (any sender)."""
    if label is None:
        return None
    app_label, model_name, *field = label.split(".")
    model = apps.get_model(app_label, model_name)
    return getattr(model, field[0]).through if field else model


def _receive(names_of, sender, raw=False, **kwargs):
    if not raw:  # fixtures being loaded
        changed(*names_of(**kwargs))
