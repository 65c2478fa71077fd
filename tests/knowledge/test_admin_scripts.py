"""The Wagtail admin sends no inline script: its widgets' one-call starters arrive as data, under the same
strict script policy as the site."""

import re

import pytest

from knowledge.admin_scripts import calls_as_data

pytestmark = pytest.mark.django_db

# A script element that runs: no src, and no data type.
RUNNABLE_INLINE = re.compile(r"<script(?![^>]*\b(?:src|type)=)[^>]*>")


def test_a_widgets_starting_call_becomes_data():
    html = '<input id="id_date"><script>initDateChooser("id\\u002Ddate", {"dayOfWeekStart": 0});</script>'
    assert calls_as_data(html) == (
        '<input id="id_date"><script type="application/json" data-admin-call="initDateChooser">'
        '["id-date", {"dayOfWeekStart": 0}]</script>'
    )
    assert 'data-admin-call="new SnippetChooser">["id_goal", {}]' in calls_as_data(
        '<script>new SnippetChooser("id_goal", {});</script>'
    )


def test_markup_in_the_arguments_is_escaped_in_the_data():
    data = calls_as_data('<script>new InlinePanel({"label": "<!-- <b>"});</script>')
    assert data.endswith('>[{"label": "\\u003C!-- \\u003Cb\\u003E"}]</script>')


@pytest.mark.parametrize(
    "script",
    [
        "<script>alert(document.cookie)</script>",  # arguments that are not data
        "<script>f(1); g(2);</script>",  # more than one call
        "<script>window.location = '/x'</script>",
    ],
)
def test_anything_else_is_left_for_the_policy_to_block(script):
    assert calls_as_data(script) == script


def test_one_script_that_is_not_a_call_does_not_hide_the_next_one():
    html = '<script>f(1)+1</script><p>ข้อความ</p><script>initTimeChooser("id_t", {});</script>'
    assert calls_as_data(html).startswith("<script>f(1)+1</script><p>ข้อความ</p><script type=")


def test_admin_edit_pages_carry_no_runnable_inline_script(admin_client, project):
    for path in ("/admin/", f"/admin/pages/{project.pk}/edit/", "/admin/pages/"):
        response = admin_client.get(path)
        html = response.content.decode()
        assert RUNNABLE_INLINE.findall(html) == [], path
        assert (
            "'unsafe-inline'" not in response["Content-Security-Policy"].split("script-src")[1].split(";")[0]
        )
    assert (
        'data-admin-call="new InlinePanel"'
        in admin_client.get(f"/admin/pages/{project.pk}/edit/").content.decode()
    )
