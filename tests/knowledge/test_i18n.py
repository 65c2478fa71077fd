"""Thai first: Thai unless the visitor picks English, a complete Thai catalogue."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "th" / "LC_MESSAGES" / "django.po"
# Thai for the strings of Wagtail's admin and Django that their own catalogues leave in English.
PACKAGES_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "packages" / "th" / "LC_MESSAGES" / "django.po"
# … and of the admin's JavaScript (the page editor, comments, sidebar).
PACKAGES_JS_CATALOGUE = PACKAGES_CATALOGUE.with_name("djangojs.po")
CATALOGUES = [CATALOGUE, PACKAGES_CATALOGUE, PACKAGES_JS_CATALOGUE]


def test_the_site_speaks_thai_even_to_an_english_browser(client, no_page_cache):
    response = client.get("/plan/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "th"
    html = response.content.decode()
    assert '<html lang="th">' in html
    assert "ข้ามไปยังเนื้อหาหลัก" in html


def test_switching_to_english_is_remembered_and_returns_to_the_same_page(client, no_page_cache):
    response = client.post("/language/", {"language": "en", "next": "/plan/s1/"})
    assert response.status_code == 302
    assert response["Location"] == "/plan/s1/"
    html = client.get("/plan/s1/").content.decode()
    assert '<html lang="en">' in html
    assert "Skip to main content" in html
    assert "Upgrading public services through digital systems" in html  # the strategy's English title


def test_switching_back_to_thai(client, no_page_cache):
    client.post("/language/", {"language": "en", "next": "/"})
    client.post("/language/", {"language": "th", "next": "/"})
    assert '<html lang="th">' in client.get("/").content.decode()


def test_the_switcher_refuses_foreign_redirects_and_unknown_languages(client):
    response = client.post("/language/", {"language": "xx", "next": "https://evil.example/"})
    assert response["Location"] == "/"
    assert "django_language" not in response.cookies


@pytest.mark.parametrize("path", CATALOGUES)
def test_every_thai_translation_is_present_and_final(path):
    catalogue = polib.pofile(str(path))
    assert len(catalogue) > 40
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


def test_english_pages_show_english_agency_names(client, no_page_cache):
    client.post("/language/", {"language": "en", "next": "/"})
    html = client.get("/agencies/obec/").content.decode()
    assert "Office of the Basic Education Commission" in html


@pytest.mark.parametrize("path", CATALOGUES)
def test_thai_translations_keep_every_placeholder(path):
    placeholder = re.compile(r"%\((\w+)\)[sd]|\{\{\s*(\w+)\s*\}\}|(?<!\{)\{(\w+)\}(?!\})")

    def names(text):
        return sorted(next(filter(None, match.groups())) for match in placeholder.finditer(text))

    for entry in polib.pofile(str(path)):
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        # Thai has one form: it keeps the plural's placeholders ("Publish 1 page" → "… %(count)s หน้า").
        source = entry.msgid_plural or entry.msgid
        for translation in translations:
            assert names(translation) == names(source), entry.msgid


def test_the_admin_speaks_thai_where_editors_work(admin_client, project, client):
    login = client.get("/admin/login/").content.decode()
    assert "ลืมรหัสผ่าน?" in login
    assert re.search(r'id_password-label">\s*รหัสผ่าน', login)  # Wagtail's own form has no Thai label
    editor = admin_client.get(f"/admin/pages/{project.pk}/edit/").content.decode()
    for thai in ("กำหนดเวลาเผยแพร่", "ดูตัวอย่างขนาดโทรศัพท์", "คำสั่งอื่น"):
        assert thai in editor
    assert "Schedule to publish" not in editor and "More actions" not in editor
    scripts = admin_client.get("/admin/jsi18n/").content.decode("unicode_escape")  # the editor's own strings
    for thai in ("แทรกบล็อก", "บันทึกการแก้ไขอัตโนมัติแล้ว", "ย่อ/ขยายแถบด้านข้าง"):
        assert thai in scripts


def test_thai_content_in_the_english_ui_is_marked_thai(client, no_page_cache, project, django_user_model):
    from forums.models import Category
    from tests.factories import reply, topic

    member = django_user_model.objects.get(username="team")
    opened = topic(
        author=member, category=Category.objects.filter(access="public").first(), body="ข้อความภาษาไทย"
    )
    reply(opened, author=member, body="An answer written in English")
    client.post("/language/", {"language": "en", "next": "/"})
    hub = client.get(project.url).content.decode()
    assert '<html lang="en"' in hub and '<div lang="th">' in hub  # the page's Thai body
    thread = client.get(f"/forums/t/{opened.pk}/").content.decode()
    assert re.search(r'lang="th">\s*<p>ข้อความภาษาไทย', thread)
    assert re.search(r'lang="en">\s*<p>An answer written in English', thread)
