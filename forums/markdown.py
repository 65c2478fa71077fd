"""Markdown in, safe HTML out: rendered once when a post is saved, then stored.

markdown-it renders CommonMark with raw HTML switched off; nh3 then keeps only an allow-list of tags,
attributes and URL schemes, so no script, event handler or `javascript:` link can reach a reader even if
the renderer had a bug. Images may only come from this site's media (posts attach pictures by upload);
an intranet page must not load anything from the internet.
"""

import re

import nh3
from django.conf import settings
from django.contrib.auth import get_user_model
from markdown_it import MarkdownIt

TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
MENTION = re.compile(r"(?<![\w@/.])@([A-Za-z0-9_.+-]*[A-Za-z0-9_])")

_markdown = MarkdownIt("commonmark", {"html": False, "breaks": True}).enable(["table", "strikethrough"])


def _headings_below_h2(renderer, tokens, idx, options, env):
    # A post sits under the page's h1 and h2: its headings start at h3 so the outline stays right.
    token = tokens[idx]
    token.tag = f"h{min(int(token.tag[1]) + 2, 6)}"
    return renderer.renderToken(tokens, idx, options, env)


_markdown.add_render_rule("heading_open", _headings_below_h2)
_markdown.add_render_rule("heading_close", _headings_below_h2)


def _allowed_attribute(tag, name, value):
    if tag == "img" and name == "src" and not value.startswith(settings.MEDIA_URL):
        return None
    return value


def sanitise(html):
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc",
        attribute_filter=_allowed_attribute,
    )


def mentioned_usernames(text):
    """Usernames written as @name, in order, once each."""
    return list(dict.fromkeys(MENTION.findall(text)))


def link_mentions(text):
    """Turn @name of an existing user into a link to their posts (as Markdown, before rendering)."""
    names = mentioned_usernames(text)
    if not names:
        return text
    existing = set(get_user_model().objects.filter(username__in=names).values_list("username", flat=True))
    return MENTION.sub(
        lambda m: f"[@{m[1]}](/forums/topics/?author={m[1]})" if m[1] in existing else m[0], text
    )


def render(text):
    return sanitise(_markdown.render(link_mentions(text or "")))
