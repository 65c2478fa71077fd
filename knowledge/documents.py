"""Uploads are judged by what the file contains, not by its name; replaced files are kept as versions."""

import zipfile

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

# What a file of each type starts with, or the part an Office Open XML zip must hold; a name's extension
# must agree with what the bytes say (a .jpeg is a jpg, a .csv is text).
SIGNATURES = {"pdf": b"%PDF-", "jpg": b"\xff\xd8\xff", "png": b"\x89PNG\r\n\x1a\n"}
OFFICE_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
SAME_AS = {"jpeg": "jpg", "csv": "txt"}
TEXT_SAMPLE = 1 << 20


def detected_type(upload):
    """'pdf', 'docx', 'xlsx', 'pptx', 'jpg', 'png', 'webp', 'txt' (text, no NUL byte) or None, from the
    file's bytes."""
    upload.seek(0)
    head = upload.read(12)
    upload.seek(0)
    kind = next((kind for kind, signature in SIGNATURES.items() if head.startswith(signature)), None)
    if kind:
        return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if zipfile.is_zipfile(upload):
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
        upload.seek(0)
        return next((kind for kind, part in OFFICE_PARTS.items() if part in names), None)
    upload.seek(0)
    sample = upload.read(TEXT_SAMPLE)
    upload.seek(0)
    return "txt" if b"\x00" not in sample else None


def content_matches(upload):
    """Whether the file's bytes are of the type its name says."""
    extension = upload.name.rsplit(".", 1)[-1].lower()
    return detected_type(upload) == SAME_AS.get(extension, extension)


def check_upload(upload):
    """Refuse a file whose content is not the PDF, DOCX or XLSX its name claims (Wagtail's field has
    already refused one over WAGTAILDOCS_MAX_UPLOAD_SIZE)."""
    extension = upload.name.rsplit(".", 1)[-1].lower()
    if extension not in ("pdf", "docx", "xlsx") or not content_matches(upload):
        raise forms.ValidationError(
            _("This file's content is not a PDF, DOCX or XLSX matching its name (.%(extension)s)."),
            code="wrong_type",
            params={"extension": extension},
        )


class VersionedDocumentForm(BaseDocumentForm):
    """Wagtail's document form, checking content and keeping the file it replaces as an old version."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            check_upload(upload)
        return upload

    def save(self, commit=True):
        replaced = self.original_file if commit and "file" in self.changed_data else None
        if replaced:
            replaced_size = self.instance.__class__.objects.get(pk=self.instance.pk).file_size
            self.original_file = None  # Wagtail would delete it; it becomes an old version instead
        document = super().save(commit=commit)
        if replaced:
            document.archive_file(replaced.name, replaced_size)
        return document
