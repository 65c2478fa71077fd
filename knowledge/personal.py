"""Pages rendered once for everyone who sees the same thing, each person's few bits filled in per request.

A signed-in member's forum page differs from a colleague's in a handful of places: the name and unread
count in the header, the CSRF token, which buttons they pressed, which posts are theirs. Templates mark
those places with `{% personal "name" args %}` (a value) and `{% ifpersonal "name" args %}` …
`{% endifpersonal %}` (a piece shown or not). Rendered normally, the tags ask the request's viewer
(`viewer` in the context) at once. Rendered shared (`shared_page`), they leave markers; the page is
cached for its audience and every request fills the markers from its own viewer: a string substitution
instead of a template render.

Markers carry a key derived from SECRET_KEY, so nothing a user writes can pose as one. `ifpersonal`
pieces do not nest.
"""

import re
from functools import cache as memoize
from functools import cached_property

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.html import conditional_escape
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe

from . import page_cache
from .roles import moderates
from .thaidate import format_date

READ_SECONDS = 3600
SHARED = "personal_shared"  # set in the context of a shared render
OPEN, CLOSE = "\ue000", "\ue001"  # private-use characters: HTML escaping leaves them alone


class Viewer:
    """What pages show differently to the person asking. Subclasses add the bits of their own pages;
    templates may ask only for the names in `holes`. A boolean prints as true/false, as ARIA states want."""

    holes = frozenset(
        {"user_name", "csrf_token", "messages", "is_me", "is_other", "userbar"}
        | {"has_read", "has_not_read", "read_on", "follows_readers"}
    )

    def __init__(self, request, page=None):
        self.request = request
        self.user = request.user
        self.page = page

    def audience(self):
        """Who sees the same page but for the holes (subclasses tell readers of restricted content apart)."""
        return ["member"] if self.user.is_authenticated else ["visitor"]

    def userbar(self):
        """Wagtail's bar for editing the page, for those who may use the admin."""
        if not (self.page and self.user.is_authenticated and self.user.has_perm("wagtailadmin.access_admin")):
            return ""
        return render_to_string("includes/userbar.html", {"page": self.page}, self.request)

    @cached_property
    def read_pages(self):
        return read_pages(self.user)

    def has_read(self, page_id):
        return page_id in self.read_pages

    def has_not_read(self, page_id):
        return not self.has_read(page_id)

    def read_on(self, page_id):
        read = self.read_pages.get(page_id)
        return format_date(read, "short") if read else ""

    def follows_readers(self, owner_id):
        """The owner, moderators and administrators see who has read an edition and what they said."""
        return self.user.is_authenticated and (str(self.user.pk) == owner_id or moderates(self.user))

    def user_name(self):
        return self.user.get_full_name() or self.user.get_username()

    def csrf_token(self):
        return get_token(self.request)  # asked once per page: fill() answers each distinct hole once

    def messages(self):
        messages = list(get_messages(self.request))
        return render_to_string("includes/messages.html", {"messages": messages}) if messages else ""

    def is_me(self, user_id):
        return self.user.is_authenticated and str(self.user.pk) == user_id

    def is_other(self, user_id):
        return not self.is_me(user_id)

    def answer(self, name, args):
        """The text for a `personal` hole, escaped unless the viewer marked it safe."""
        value = self.ask(name, args)
        if isinstance(value, bool):
            value = "true" if value else "false"
        return conditional_escape(value)

    def ask(self, name, args):
        if name not in self.holes:
            raise ValueError(f"{type(self).__name__} has no personal hole {name!r}")
        return getattr(self, name)(*args)


def read_pages(user):
    """{page id (text): date read} of the editions this user has read, kept until they read another."""
    from .models.reading import ReadReceipt

    if not user.is_authenticated:
        return {}

    def read():
        receipts = ReadReceipt.objects.filter(user=user).values_list("page_id", "read_at")
        return {str(page_id): timezone.localtime(read_at).date() for page_id, read_at in receipts}

    return cache.get_or_set(read_pages_key(user.pk), read, READ_SECONDS)


def read_pages_key(user_id):
    return f"read-pages:{user_id}"


def viewer_for(request, **objects):
    """The viewer of this request, of the class settings.PERSONAL_VIEWER names (the exchange's adds the
    bell and who may read which category)."""
    return import_string(settings.PERSONAL_VIEWER)(request, **objects)


class SharedUser:
    """The `user` of a shared render: whether someone is signed in, and nothing that is theirs alone."""

    is_anonymous = False
    is_authenticated = True


@memoize
def marker_key():
    return salted_hmac("knowledge.personal", "marker").hexdigest()[:16]


@memoize
def marker_pattern():
    start = re.escape(OPEN + marker_key() + " ")
    end = re.escape(CLOSE)
    return re.compile(
        rf"{start}if ([^{CLOSE} ]+)([^{CLOSE}]*){end}(?P<piece>.*?){start}endif{end}"
        rf"|{start}([^{CLOSE} ]+)([^{CLOSE}]*){end}",
        re.DOTALL,
    )


def marker(name, args=()):
    words = [name, *map(str, args)]
    if any(not re.fullmatch(r"[\w.:-]+", word) for word in words):
        raise ValueError(f"personal hole arguments must be plain words: {words!r}")
    return f"{OPEN}{marker_key()} {' '.join(words)}{CLOSE}"


def fill(html, viewer, answers=None):
    """The shared HTML with this viewer's values in its holes (each distinct hole asked once: a page
    has one CSRF token in dozens of forms)."""
    answers = {} if answers is None else answers

    def replace(match):
        if match["piece"] is not None:
            shown = viewer.ask(match[1], match[2].split())
            return fill(match["piece"], viewer, answers) if shown else ""
        if match[0] not in answers:
            answers[match[0]] = viewer.answer(match[4], match[5].split())
        return answers[match[0]]

    return mark_safe(marker_pattern().sub(replace, html))


def shared_context(request):
    """What a shared render sees instead of the person: markers for the CSRF token, a user who is only
    signed in or not, and no viewer to read from by mistake."""
    return {
        SHARED: True,
        "viewer": None,
        "csrf_token": marker("csrf_token"),
        "user": SharedUser() if request.user.is_authenticated else request.user,
    }


def shared_page(request, viewer, parts, template, context, names, seconds=60):
    """`template` rendered once per language and `parts` (which must name the page and the audience:
    everything but the personal bits) until one of `names` (or of what it reads) changes, then filled
    for `viewer`.

    `context` is called only when the page is not cached, so its queries run only then.
    """
    html = page_cache.fragment(
        f"shared:{template}",
        parts,
        lambda: render_to_string(template, {**context(), **shared_context(request)}, request),
        names=names,
        seconds=seconds,
    )
    return fill(html, viewer)


def shared_response(request, viewer, parts, template, context, names, seconds=60):
    """`shared_page` as a response the anonymous page cache may keep (it declared what it shows)."""
    html = shared_page(request, viewer, parts, template, context, names, seconds)
    return page_cache.complete(HttpResponse(html))
