"""Documents keep one address across replacements, keep old versions, and are checked by content."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection

from knowledge.models import VersionedDocument
from knowledge.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def pdf(text="ฉบับแรก"):
    body = f"%PDF-1.4\n% {text}\n%%EOF\n".encode()
    return SimpleUploadedFile("คู่มือ.pdf", body, content_type="application/pdf")


def office(name, part):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(role=Role.MODERATOR))
    return client


def upload(client, file, title="แบบฟอร์มคลินิก"):
    data = {"title": title, "file": file, "collection": Collection.get_first_root_node().pk, "tags": ""}
    return client.post(reverse("wagtaildocs:add"), data)


@pytest.mark.parametrize(
    "file",
    [pdf(), office("แบบฟอร์ม.docx", "word/document.xml"), office("ตัวชี้วัด.xlsx", "xl/workbook.xml")],
    ids=["pdf", "docx", "xlsx"],
)
def test_pdf_docx_and_xlsx_files_are_accepted(editor, file):
    assert upload(editor, file).status_code == 302
    assert VersionedDocument.objects.filter(title="แบบฟอร์มคลินิก").exists()


@pytest.mark.parametrize(
    "file",
    [
        SimpleUploadedFile("ปลอม.pdf", b"<html>not a pdf</html>"),
        office("สลับนามสกุล.docx", "xl/workbook.xml"),
        SimpleUploadedFile("โปรแกรม.pdf", b"MZ\x90\x00 an executable"),
    ],
    ids=["html-named-pdf", "xlsx-named-docx", "exe-named-pdf"],
)
def test_a_file_whose_content_does_not_match_its_name_is_refused_in_thai(editor, file):
    response = upload(editor, file)
    assert response.status_code == 200
    assert "เนื้อหาของไฟล์นี้ไม่ใช่ PDF, DOCX หรือ XLSX" in response.content.decode()
    assert not VersionedDocument.objects.exists()


def test_a_file_over_the_size_limit_is_refused_in_thai(editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    response = upload(editor, pdf())
    assert "ไฟล์นี้ใหญ่เกินไป" in response.content.decode()
    assert not VersionedDocument.objects.exists()


def test_replacing_the_file_keeps_the_address_and_the_old_version(editor, client):
    upload(editor, pdf("ฉบับแรก"))
    document = VersionedDocument.objects.get()
    stable_url = document.url
    assert stable_url == f"/files/{document.pk}/"

    edit = {
        "title": document.title,
        "file": pdf("ฉบับปรับปรุง"),
        "collection": document.collection_id,
        "tags": "",
    }
    assert editor.post(reverse("wagtaildocs:edit", args=[document.pk]), edit).status_code == 302

    document.refresh_from_db()
    assert document.url == stable_url
    assert document.version_number == 2
    assert "ฉบับปรับปรุง".encode() in b"".join(client.get(stable_url).streaming_content)
    old = client.get(f"/files/{document.pk}/v1/")
    assert "ฉบับแรก".encode() in b"".join(old.streaming_content)
    assert client.get(f"/files/{document.pk}/v2/").status_code == 200  # the current one, by number
    assert client.get(f"/files/{document.pk}/v3/").status_code == 404


def test_old_versions_are_listed_newest_first(editor):
    upload(editor, pdf("หนึ่ง"))
    document = VersionedDocument.objects.get()
    for text in ("สอง", "สาม"):
        data = {"title": document.title, "file": pdf(text), "collection": document.collection_id, "tags": ""}
        editor.post(reverse("wagtaildocs:edit", args=[document.pk]), data)
    assert [version.number for version in document.versions.all()] == [2, 1]
