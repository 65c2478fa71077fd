"""Pages about the site itself (privacy, accessibility, contact) that editors keep up to date."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import BodyBlock
from .base import BasePage


class InfoPage(BasePage):
    """A page listed in every page's footer, at an English address the editor types (/privacy/)."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Body"))

    parent_page_types = ["knowledge.HomePage"]
    subpage_types = []
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("Site information page")

    def clean(self):
        super().clean()
        if not self.typed_slug():
            raise ValidationError(
                {"slug": _("Type an address in English letters for this page, e.g. privacy.")}
            )
