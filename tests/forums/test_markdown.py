"""Posts are written in Markdown and shown as sanitised HTML."""

from html.parser import HTMLParser

import pytest

from forums.markdown import render
from tests.factories import reply, topic

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        "[คลิก](javascript:alert(1))",
        '<a href="#" onclick="steal()">ลิงก์</a>',
        "[x](JaVaScRiPt:alert(1))",
    ],
)
def test_scripts_event_handlers_and_javascript_links_never_survive(text):
    tags = elements(render(text))
    assert "script" not in [tag for tag, _attrs in tags]
    attributes = [(name, value or "") for _tag, attrs in tags for name, value in attrs]
    assert not [name for name, _value in attributes if name.startswith("on")]
    assert not [value for _name, value in attributes if value.lower().startswith("javascript")]


def elements(html):
    """(tag, attributes) of every element, as a browser would parse them."""
    found = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    Collector().feed(html)
    return found


def test_markdown_formats_and_links_get_nofollow_ugc():
    html = render("**สำคัญ** และ [คู่มือ](https://moe.go.th/manual)\n\n- ข้อ 1\n- ข้อ 2")
    assert "<strong>สำคัญ</strong>" in html
    assert '<a href="https://moe.go.th/manual" rel="nofollow ugc">คู่มือ</a>' in html
    assert "<li>ข้อ 1</li>" in html


def test_images_only_load_from_this_sites_media():
    html = render("![ภายนอก](https://tracker.example/pixel.png) ![ภายใน](/media/forums/2569/11/a.png)")
    assert "tracker.example" not in html
    assert 'src="/media/forums/2569/11/a.png"' in html


def test_headings_in_posts_start_below_the_page_headings():
    assert render("# หัวข้อ").startswith("<h3>")


def test_html_is_rendered_once_on_save_and_stored(staff, category):
    opened = topic(author=staff, category=category, body="สวัสดี **ทุกคน**")
    post = opened.posts.get()
    assert post.html == "<p>สวัสดี <strong>ทุกคน</strong></p>\n"
    answer = reply(opened, author=staff, body="ดู @team ด้วย")
    assert 'href="/forums/topics/?author=team"' in answer.html
