"""Documents with one stable address: /files/<id>/ always serves the current file, and every file a
document once had stays downloadable at /files/<id>/v<n>/ (Wagtail's own "replace file" changes the
address and deletes the old file: wagtail#5712)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument


class VersionedDocument(AbstractDocument):
    """A PDF, DOCX or XLSX file attached to manuals, standards and projects, with its old versions."""

    admin_form_fields = WagtailDocument.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("Document")
        verbose_name_plural = _("Documents")

    @property
    def url(self):
        return reverse("knowledge:document", args=[self.pk])

    @property
    def version_number(self):
        """The current file's number: 1 for a document whose file was never replaced."""
        return self.versions.count() + 1

    def archive_file(self, file_name, file_size):
        """Keep a replaced file as the next old version."""
        number = self.versions.count() + 1
        return self.versions.create(number=number, file=file_name, file_size=file_size)


class DocumentVersion(models.Model):
    """A file a document had before it was replaced."""

    document = models.ForeignKey(VersionedDocument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("Version"))
    file = models.FileField(_("File"), upload_to="documents")
    file_size = models.PositiveIntegerField(null=True, editable=False)
    replaced_at = models.DateTimeField(_("Replaced at"), auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("Document version")
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="one_number_per_version")]

    def __str__(self):
        return f"{self.document} v{self.number}"

    @property
    def url(self):
        return reverse("knowledge:document_version", args=[self.document_id, self.number])
