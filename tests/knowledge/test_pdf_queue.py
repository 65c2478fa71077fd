"""A manual's PDF is printed by the task queue when the edition is published, so readers download it at
once; until it is ready the page says so (printing itself is checked in tests/browser/test_pdf.py)."""

from types import SimpleNamespace

import pytest

from knowledge.models import ManualPage

pytestmark = pytest.mark.django_db
FAKE_PDF = b"%PDF-1.7 printed by the queue"


@pytest.fixture(autouse=True)
def empty_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # no PDF printed by an earlier run


@pytest.fixture
def printer(monkeypatch):
    """Chromium's part, counted: what the queue's task would print."""
    printed = []

    def render_pdf(template, context):
        printed.append(context["page"].pk)
        return FAKE_PDF

    monkeypatch.setattr("knowledge.models.library.render_pdf", render_pdf)
    return printed


@pytest.fixture
def manual(db):
    return ManualPage.objects.get(code="clinic-manual", edition=2)


def test_publishing_an_edition_prints_its_pdf_for_the_first_reader(
    client, settings, printer, manual, django_capture_on_commit_callbacks
):
    settings.KNOWLEDGE_PRINT_ON_PUBLISH = True
    manual.title = "คู่มือคลินิก (ปรับปรุง)"
    with django_capture_on_commit_callbacks(execute=True):
        manual.save_revision().publish()
    assert printer == [manual.pk]
    manual.refresh_from_db()
    assert "ดาวน์โหลด PDF" in client.get(manual.url).content.decode()
    response = client.get(manual.url + "pdf/")
    assert b"".join(response.streaming_content) == FAKE_PDF
    assert printer == [manual.pk]  # served from storage, not printed in the request


def test_a_pdf_not_printed_yet_is_asked_of_the_queue_once_and_the_reader_told(
    client, printer, manual, monkeypatch, django_capture_on_commit_callbacks
):
    queued = []
    # A queue whose worker has not run yet.
    monkeypatch.setattr("knowledge.tasks.print_edition", SimpleNamespace(enqueue=queued.append))
    assert "กำลังจัดทำไฟล์ PDF" in client.get(manual.url).content.decode()
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.get(manual.url + "pdf/")
        assert response.status_code == 503 and response["Retry-After"] == "10"
        assert "กำลังจัดทำไฟล์ PDF" in response.content.decode()
    assert queued == [manual.pk] and printer == []
