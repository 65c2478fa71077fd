"""A comment on one part of the text, and the owner's answer to it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Comment, ProjectFeedback, Resolution


class CommentForm(forms.ModelForm):
    """The part is chosen from the text's own parts; the quoted words are optional."""

    class Meta:
        model = Comment
        fields = ["part", "quote", "body"]
        widgets = {"quote": forms.Textarea(attrs={"rows": 2}), "body": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, parts, **kwargs):
        super().__init__(*args, **kwargs)
        self.parts = {part.anchor: part for part in parts}
        self.fields["part"] = forms.ChoiceField(
            label=_("Part"), choices=[(part.anchor, part.title) for part in parts]
        )
        self.fields["body"].error_messages["required"] = _("Write your comment.")


class AnswerForm(forms.Form):
    resolution = forms.ChoiceField(
        label=_("Resolution"), choices=Resolution.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class ProjectFeedbackForm(forms.ModelForm):
    """Name, organisation, an optional e-mail for a reply, and the feedback; `website` is a trap for robots
    (hidden from people, left empty by them)."""

    website = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = ProjectFeedback
        fields = ["name", "organisation", "email", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = _("Write your name.")
        self.fields["body"].error_messages["required"] = _("Write your feedback.")

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""
