"""The report form a project team fills in, and the host unit's review form."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from knowledge.documents import content_matches

from .models import KpiReport

EVIDENCE_EXTENSIONS = {".pdf", ".docx", ".xlsx", ".pptx", ".jpg", ".jpeg", ".png", ".webp", ".csv", ".txt"}


class ReportForm(forms.ModelForm):
    """A quarter's value, a note and optional evidence. Thai digits are accepted in the value."""

    class Meta:
        model = KpiReport
        fields = ["value", "note", "evidence"]
        widgets = {"note": forms.Textarea(attrs={"rows": 4}), "evidence": forms.FileInput}

    def clean_evidence(self):
        evidence = self.cleaned_data.get("evidence")
        if not evidence or not hasattr(evidence, "size"):
            return evidence
        if Path(evidence.name).suffix.lower() not in EVIDENCE_EXTENSIONS:
            allowed = ", ".join(sorted(ext.lstrip(".") for ext in EVIDENCE_EXTENSIONS))
            raise forms.ValidationError(
                _("Evidence must be one of these file types: %(types)s.") % {"types": allowed}
            )
        if not content_matches(evidence):
            extension = Path(evidence.name).suffix.lower().lstrip(".")
            message = _(
                "This file's content is not what its name (.%(extension)s) says. Save it in that format."
            )
            raise forms.ValidationError(message % {"extension": extension})
        if evidence.size > settings.MONITORING_EVIDENCE_MAX_BYTES:
            limit = filesizeformat(settings.MONITORING_EVIDENCE_MAX_BYTES)
            raise forms.ValidationError(_("The evidence file is larger than %(limit)s.") % {"limit": limit})
        return evidence


class ReviewForm(forms.Form):
    """Approve, or return with a comment that says what to fix."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("return", _("Return for correction"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return" and not data.get("comment", "").strip():
            self.add_error("comment", _("Say what needs correcting when you return a report."))
        return data
