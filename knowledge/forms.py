"""Admin forms: the plan's pages, and the admin's sign-in."""

from itertools import chain, count

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.auth import LoginForm


class DerivedSlugPageForm(WagtailAdminPageForm):
    """Editors type Thai titles; the page's address comes from its code or date, so the slug may be empty.

    The model fills it in (BasePage.default_slug) before validation, and a clash with a sibling comes
    back as an error on the slug field.
    """

    SLUG_SOURCES = ("title", "title_en", "slug", "date", "code", "edition")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "Leave empty to build the address from the page's code or date (Thai titles cannot form one)."
            )

    def clean(self):
        # Before Wagtail's check that the slug is free: the derived one, numbered when a sibling has it.
        page = self.instance
        for name in self.SLUG_SOURCES:
            if name in self.cleaned_data:
                setattr(page, name, self.cleaned_data[name])
        if page.numbered_slugs and (derived := page.default_slug()):
            self.cleaned_data["slug"] = free_slug(derived, self.parent_page, page)
        return super().clean()


def free_slug(slug, parent, page):
    """`slug`, or slug-2, slug-3… when another child of `parent` has it."""
    taken = set(parent.get_children().exclude(pk=page.pk).values_list("slug", flat=True))
    candidates = chain([slug], (f"{slug}-{n}" for n in count(2)))
    return next(candidate for candidate in candidates if candidate not in taken)


class FeedbackForm(forms.Form):
    """ "Was this helpful?" under a manual or standard."""

    helpful = forms.TypedChoiceField(
        label=_("Was this helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no.")},
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AdminLoginForm(LoginForm):
    """Wagtail's sign-in form, whose password field has no label of its own (it showed "Password")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
