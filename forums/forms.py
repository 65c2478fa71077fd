"""Forms of the exchange. A form that fails comes back with everything the user typed."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.forms import TagField

from knowledge.models import Agency, Indicator, ProjectPage

from .images import validate_image
from .models import CaseStudy, Category, EmailMode, FlagReason, TopicKind
from .rules import experts_for

MARKDOWN_HELP = _("Markdown: **bold**, *italic*, - lists, [link](https://…), @username to mention someone.")


class ExpertField(forms.ModelChoiceField):
    """People listed by their names, which is how colleagues know them."""

    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


class ImageFieldsMixin(forms.Form):
    image = forms.FileField(
        label=_("Picture (optional)"),
        required=False,
        help_text=_("JPEG, PNG, GIF or WebP, up to 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}),
    )
    image_alt = forms.CharField(
        label=_("Describe the picture"),
        max_length=255,
        required=False,
        help_text=_("For readers who cannot see it"),
    )

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image:
            validate_image(image)
        return image

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("image_alt"):
            self.add_error("image_alt", _("Describe the picture for readers who cannot see it."))
        return cleaned


class ReplyForm(ImageFieldsMixin):
    body = forms.CharField(
        label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 8}), help_text=MARKDOWN_HELP
    )

    field_order = ["body", "image", "image_alt"]


class PostEditForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 12}), help_text=MARKDOWN_HELP
    )


class TopicForm(ImageFieldsMixin):
    """A new discussion, case or clinic question; the case and question fields show for their kind."""

    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=TopicKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(label=pgettext_lazy("forum", "Title"), max_length=200)
    body = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 10}), help_text=MARKDOWN_HELP
    )
    projects = forms.ModelMultipleChoiceField(
        label=_("Projects"),
        queryset=ProjectPage.objects.live().order_by("path"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("The projects of the plan this is about (and so their strategies)"),
    )
    tags = TagField(label=_("Tags"), required=False, help_text=_("Separated by commas"))
    assignee = ExpertField(
        label=_("Ask an expert (optional)"),
        queryset=experts_for([]),
        required=False,
        help_text=_("Otherwise the host unit assigns one"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.visible_to(user)
        self.fields["assignee"].queryset = experts_for(ProjectPage.objects.live())
        for name in CaseStudy.MARKDOWN_FIELDS:
            model_field = CaseStudy._meta.get_field(name)
            self.fields[name] = forms.CharField(
                label=model_field.verbose_name,
                required=False,
                widget=forms.Textarea(attrs={"rows": 5}),
                help_text=model_field.help_text or MARKDOWN_HELP,
            )
        self.fields["agency"] = forms.ModelChoiceField(
            label=_("Agency"), queryset=Agency.objects.all(), required=False
        )
        self.fields["contact"] = forms.CharField(label=_("Contact"), max_length=255, required=False)
        self.fields["indicators"] = forms.ModelMultipleChoiceField(
            label=_("KPIs it moved"),
            queryset=Indicator.objects.order_by("code"),
            required=False,
            widget=forms.SelectMultiple(attrs={"size": 6}),
        )

    CASE_REQUIRED = (*CaseStudy.MARKDOWN_FIELDS, "agency", "contact")

    def main_fields(self):
        return [self[name] for name in ("category", "kind", "title", "body", "projects", "tags")]

    def case_section(self):
        return [self[name] for name in (*self.CASE_REQUIRED, "indicators")]

    def clean(self):
        cleaned = super().clean()
        category, kind = cleaned.get("category"), cleaned.get("kind")
        if category and category.is_clinic:
            cleaned["kind"] = kind = TopicKind.QUESTION
        if kind == TopicKind.CASE:
            for name in self.CASE_REQUIRED:
                if not cleaned.get(name):
                    self.add_error(name, _("A best-practice case needs this."))
            if not cleaned.get("projects"):
                self.add_error("projects", _("Link the case to at least one project."))
        return cleaned

    def case_fields(self):
        return {name: self.cleaned_data[name] for name in (*CaseStudy.MARKDOWN_FIELDS, "agency", "contact")}


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=FlagReason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Details (optional)"), max_length=500, required=False)


class MoveForm(forms.Form):
    category = forms.ModelChoiceField(label=_("Move to"), queryset=Category.objects.all())


class AssignForm(forms.Form):
    assignee = ExpertField(label=_("Expert"), queryset=experts_for([]))

    def __init__(self, *args, topic, **kwargs):
        super().__init__(*args, **kwargs)
        experts = experts_for(topic.projects.all()).values("pk")
        people = self.fields["assignee"].queryset.model.objects
        self.fields["assignee"].queryset = people.filter(
            Q(pk__in=experts) | Q(pk=topic.assignee_id)
        ).order_by("first_name")


class AdoptForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Your agency"), queryset=Agency.objects.all())
    note = forms.CharField(label=_("How you adopted it (optional)"), max_length=500, required=False)


class SettingsForm(forms.Form):
    email_mode = forms.ChoiceField(
        label=_("E-mail me about notifications"), choices=EmailMode.choices, widget=forms.RadioSelect
    )
