"""Related content on project, manual and standard pages: shared project, strategy and tags first."""

import pytest

from knowledge.models import ManualPage, ProjectPage
from search.related import related_entries

pytestmark = pytest.mark.django_db


def test_a_manual_is_related_first_to_its_own_project():
    manual = ManualPage.objects.get(code="clinic-manual", edition=2)
    related = related_entries(f"page:{manual.pk}")
    assert related[0].title == "โครงการคลินิกให้คำปรึกษาการขับเคลื่อนโครงการตามแผนยุทธศาสตร์ 4.0"
    assert len(related) <= 5


def test_superseded_editions_are_never_suggested():
    project = ProjectPage.objects.get(code="S3-P2")
    old = ManualPage.objects.get(code="clinic-manual", edition=1)
    assert old.url not in [entry.url for entry in related_entries(f"page:{project.pk}")]


def test_project_hub_shows_related_items(client, no_page_cache):
    html = client.get("/plan/s1/s1-p1/").content.decode()
    assert 'id="related-heading"' in html
    assert "มาตรฐานงานบริการอิเล็กทรอนิกส์ด้านการศึกษา" in html


def test_a_case_page_shows_related_items_from_its_project_and_tags(client):
    from forums.models import Topic

    case = Topic.objects.get(title="ลดเวลาขอใบรับรองผลการเรียนจาก 7 วันเหลือ 1 วันด้วย MOE e-Service")
    page = client.get(case.get_absolute_url()).content.decode()
    related = page[page.index('id="related-heading"') :]
    assert "โครงการพัฒนาระบบบริการอิเล็กทรอนิกส์ด้านการศึกษา (MOE e-Service)" in related
    assert '<small class="muted">คำตอบ</small>' not in related  # replies repeat their topic: left out
