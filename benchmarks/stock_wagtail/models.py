from wagtail.fields import RichTextField
from wagtail.models import Page


class RichTextPage(Page):
    body = RichTextField(blank=True)
