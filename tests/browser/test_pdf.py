"""Manuals print to a PDF whose Thai text extracts as written (Chromium shapes and maps it)."""

import subprocess

import pytest
from wagtail.rich_text import RichText

from knowledge.models import ManualPage
from knowledge.tasks import print_edition
from tests.factories import ManualPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

THAI_WORDS = ["คำปรึกษา", "น้ำ", "ทั้ง", "ที่", "ผู้รับผิดชอบ", "๒๕๖๕"]


def pdf_text(data, tmp_path):
    path = tmp_path / "manual.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def download(client, manual, capture_on_commit):
    """A reader's request; what it queues runs when its transaction commits (the immediate backend)."""
    with capture_on_commit(execute=True):
        return client.get(manual.url + "pdf/")


def test_a_manual_downloads_as_a_pdf_whose_thai_text_extracts_as_written(
    client, project, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    text = "ผู้รับผิดชอบให้คำปรึกษาเรื่องน้ำดื่มทั้งที่โรงเรียน ปี ๒๕๖๕"
    manual = ManualPageFactory(
        parent=project,
        title="คู่มือการให้คำปรึกษาเรื่องน้ำ",
        body=[("heading", {"text": "ขอบเขต", "level": "h2"}), ("paragraph", RichText(f"<p>{text}</p>"))],
    )
    print_edition.enqueue(manual.pk)  # as on publish
    response = download(client, manual, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="' in response["Content-Disposition"]
    data = b"".join(response.streaming_content)
    assert data.startswith(b"%PDF-")

    extracted = pdf_text(data, tmp_path)
    assert "คู่มือการให้คำปรึกษาเรื่องน้ำ" in extracted
    for word in THAI_WORDS:
        assert word in extracted, word


def test_the_pdf_of_a_published_edition_is_printed_once(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    manual = ManualPage.objects.get(code="clinic-manual", edition=2)
    assert download(client, manual, django_capture_on_commit_callbacks).status_code == 503  # queued
    first = b"".join(download(client, manual, django_capture_on_commit_callbacks).streaming_content)
    assert first.startswith(b"%PDF-")
    monkeypatch.setattr("knowledge.models.library.render_pdf", lambda *args: pytest.fail("printed twice"))
    again = download(client, manual, django_capture_on_commit_callbacks)
    assert b"".join(again.streaming_content) == first
