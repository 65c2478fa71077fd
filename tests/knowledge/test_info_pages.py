"""Privacy, accessibility and contact pages: editors keep them, every page's footer lists them."""

import pytest
from django.core.exceptions import ValidationError

from knowledge.models import InfoPage

pytestmark = pytest.mark.django_db


def test_the_demo_info_pages_open_and_every_footer_lists_them(client):
    for slug in ("privacy", "accessibility", "contact"):
        assert client.get(f"/{slug}/").status_code == 200
    footer = client.get("/plan/").content.decode().split('class="site-footer"')[1]
    assert 'href="/privacy/"' in footer and "ติดต่อเรา" in footer


def test_a_renamed_info_page_shows_in_the_footer_at_once(
    client, no_page_cache, django_capture_on_commit_callbacks
):
    client.get("/plan/")  # the footer is now in the shared rendering
    page = InfoPage.objects.get(slug="contact")
    page.title = "ติดต่อกลุ่มพัฒนาระบบบริหาร"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert "ติดต่อกลุ่มพัฒนาระบบบริหาร" in client.get("/plan/").content.decode()


def test_an_info_page_needs_an_english_address(home):
    page = InfoPage(title="เงื่อนไขการใช้งาน", slug="")
    with pytest.raises(ValidationError) as refused:
        home.add_child(instance=page)
    assert "ตัวอักษรภาษาอังกฤษ" in str(refused.value)
