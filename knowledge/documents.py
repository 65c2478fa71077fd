"""Uploads are judged by what the file contains, not by its name; replaced files are kept as versions."""

import zipfile

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

# What each allowed extension must contain: PDF's signature, or the part an Office Open XML zip must have.
OFFICE_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def detected_type(upload):
    """'pdf', 'docx', 'xlsx' or None, from the file's bytes."""
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        return "pdf"
    if not zipfile.is_zipfile(upload):
        return None
    upload.seek(0)
    with zipfile.ZipFile(upload) as archive:
        names = set(archive.namelist())
    upload.seek(0)
    return next((kind for kind, part in OFFICE_PARTS.items() if part in names), None)


def check_upload(upload):
    """Refuse a file whose content is not the PDF, DOCX or XLSX its name claims (Wagtail's field has
    already refused one over WAGTAILDOCS_MAX_UPLOAD_SIZE)."""
    extension = upload.name.rsplit(".", 1)[-1].lower()
    kind = detected_type(upload)
    if kind is None or kind != extension:
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
