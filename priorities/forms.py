"""The host unit's scoring sheet: a score (0–5, Thai digits welcome) and a reason per project, criterion."""

from django import forms
from django.utils.translation import gettext_lazy as _

from knowledge.thaidate import fold_thai_digits

from .models import TOP_SCORE


class ScoreField(forms.IntegerField):
    """0–5, typed in Thai or Arabic digits; blank leaves the cell unscored."""

    def to_python(self, value):
        return super().to_python(fold_thai_digits(value) if isinstance(value, str) else value)


class ScoreSheet(forms.Form):
    """One score and one reason per cell of the table (rows: projects, columns: criteria)."""

    def __init__(self, *args, rows, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.cells = []
        for row in rows:
            for criterion in criteria:
                score = row.scores.get(criterion.pk)
                key = f"{row.project.pk}_{criterion.pk}"
                label = f"{row.project.code} · {criterion.display_name}"
                self.fields[f"score_{key}"] = ScoreField(
                    label=_("Score: %(cell)s") % {"cell": label},
                    required=False,
                    min_value=0,
                    max_value=TOP_SCORE,
                    initial=score.value if score else None,
                    widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 2}),
                    error_messages={
                        "invalid": _("A score is a whole number from 0 to 5."),
                        "min_value": _("A score is a whole number from 0 to 5."),
                        "max_value": _("A score is a whole number from 0 to 5."),
                    },
                )
                self.fields[f"reason_{key}"] = forms.CharField(
                    label=_("Reason: %(cell)s") % {"cell": label},
                    required=False,
                    initial=score.reason if score else "",
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
                self.cells.append((row.project.pk, criterion.pk, key))

    def entries(self):
        """{(project id, criterion id): (value or None, reason)} from the cleaned sheet."""
        data = self.cleaned_data
        return {
            (project_id, criterion_id): (data[f"score_{key}"], data[f"reason_{key}"].strip())
            for project_id, criterion_id, key in self.cells
        }

    def field_pair(self, project_id, criterion_id):
        key = f"{project_id}_{criterion_id}"
        return self[f"score_{key}"], self[f"reason_{key}"]
