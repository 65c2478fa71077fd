"""Thai lines end between words: each Thai text gets a `<wbr>` at its word boundaries and nowhere inside a
word, while markup, code, form controls and the personal markers stay exactly as they were."""

import re

import pytest

from knowledge.personal import CLOSE, OPEN
from search.line_breaks import mark_word_breaks


def lines_may_end(html):
    """The pieces between which a line may end, as a reader would see them."""
    inner = re.fullmatch(r'<span class="words">(.*)</span>', html, re.S)
    assert inner, html
    return inner.group(1).split("<wbr>")


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # compounds the browser's own dictionary splits stay whole
        ("ผู้รับผิดชอบโครงการ", ["ผู้รับผิดชอบ", "โครงการ"]),
        ("ตัวชี้วัดความสำเร็จ", ["ตัวชี้วัด", "ความสำเร็จ"]),
        ("การบริหารราชการแบบบูรณาการ", ["การบริหาร", "ราชการ", "แบบ", "บูรณาการ"]),
        # after a space; never before closing punctuation or after opening
        ("ระบบราชการ 4.0 (พ.ศ. 2565)", ["ระบบ", "ราชการ ", "4.0 ", "(พ.ศ. ", "2565)"]),
        ("แผนยุทธศาสตร์ฯ สป.", ["แผน", "ยุทธศาสตร์ฯ ", "สป."]),
        ("ไป ๆ มา ๆ", ["ไป ๆ ", "มา ๆ"]),
        ("คำว่า &quot;คู่มือ&quot; ใหม่", ["คำ", "ว่า ", "&quot;คู่มือ&quot; ", "ใหม่"]),
        # a very long word (a whole agency's name) breaks between its parts
        (
            "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ",
            ["สำนักงาน", "คณะ", "กรรมการ", "ป้องกัน", "และ", "ปราบ", "ปราม", "การ", "ทุจริต", "แห่ง", "ชาติ"],
        ),
    ],
)
def test_lines_end_only_between_words(text, pieces):
    assert lines_may_end(mark_word_breaks(text)) == pieces


def test_escaped_text_stays_escaped():
    marked = mark_word_breaks("ข้อมูล &lt;script&gt; Tom &amp; Jerry")
    assert "<script>" not in marked
    assert lines_may_end(marked) == ["ข้อมูล ", "&lt;script&gt; ", "Tom ", "&amp; ", "Jerry"]


def test_markup_and_text_without_thai_are_left_as_they_are():
    html = (
        '<a href="/plan/" title="แผนยุทธศาสตร์">English only</a>'
        "<textarea>ผู้รับผิดชอบ</textarea><pre>ผู้รับผิดชอบ</pre><code>ตัวชี้วัด</code>"
        '<svg viewBox="0 0 9 9"><text>ตัวชี้วัด</text></svg><!-- ตัวชี้วัด -->'
    )
    assert mark_word_breaks(html) == html


def test_thai_inside_an_element_is_marked_and_the_element_kept():
    assert mark_word_breaks('<h1 class="t">จัดทำคู่มือ</h1>') == (
        '<h1 class="t"><span class="words">จัดทำ<wbr>คู่มือ</span></h1>'
    )


def test_a_personal_marker_is_never_split():
    marker = f"{OPEN}key if has_read edition 12{CLOSE}"
    marked = mark_word_breaks(f"อ่านแล้ว {marker}ตัวชี้วัด")
    assert marker in marked


@pytest.mark.django_db
def test_a_shared_page_keeps_each_readers_own_bits_with_line_breaks_on(settings, project):
    from django.contrib.auth import get_user_model
    from django.test import Client

    settings.THAI_LINE_BREAKS = True
    client = Client(enforce_csrf_checks=True)
    member = get_user_model().objects.get(username="team")
    client.force_login(member)
    for _ in range(2):  # rendered, then served from the shared rendering with the holes filled
        html = client.get(project.url).content.decode()
        assert '<span class="words">' in html
        assert OPEN not in html and CLOSE not in html
        assert member.get_full_name() in html
    token = re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', html).group(1)
    assert client.post("/accounts/logout/", {"csrfmiddlewaretoken": token}).status_code == 302
