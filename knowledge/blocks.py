"""StreamField blocks: `BodyBlock` for every page body, `ManualBlock` adds what manuals need."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# Must match the renditions blocks/figure_block.html asks for.
RENDITIONS = ("width-400|format-webp", "width-800|format-webp", "width-1200|format-webp")


class PrefetchedImageChooserBlock(ImageChooserBlock):
    """Loads every image of a body in one query, with its renditions, so pages cost the same queries
    however many images they hold."""

    def bulk_to_python(self, values):
        values = list(values)
        images = self.model_class.objects.prefetch_renditions(*RENDITIONS).in_bulk(values)
        return [images.get(value) for value in values]


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 keeps the page outline in order."""

    text = blocks.CharBlock(label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Main heading")), ("h3", _("Subheading"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading")


class CalloutBlock(blocks.StructBlock):
    """A highlighted note or warning set apart from the text."""

    kind = blocks.ChoiceBlock(
        choices=[("note", _("Note")), ("warning", _("Warning"))], default="note", label=_("Kind")
    )
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"], label=_("Text"))

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        label = _("Callout")
        description = _("A note or warning readers must not miss")


class FigureBlock(blocks.StructBlock):
    """An image with its caption and the alternative text screen readers announce."""

    image = PrefetchedImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(label=_("Alternative text for screen readers"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
        label = _("Figure")
        description = _("An image with its caption")


class BodyBlock(blocks.StreamBlock):
    """The blocks any page body may use."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3"],
        template="blocks/paragraph_block.html",
        label=_("Paragraph"),
    )
    callout = CalloutBlock()
    figure = FigureBlock()
    quote = blocks.BlockQuoteBlock(label=_("Quotation"), template="blocks/quote_block.html")


class StepsBlock(blocks.StructBlock):
    """Numbered steps of a procedure, in the order staff carry them out."""

    title = blocks.CharBlock(required=False, label=_("Title"))
    steps = blocks.ListBlock(
        blocks.RichTextBlock(features=["bold", "italic", "link", "document-link"]), label=_("Steps")
    )

    class Meta:
        icon = "list-ol"
        template = "blocks/steps_block.html"
        label = _("Numbered steps")
        description = _("A procedure, step by step")


class LinkBlock(blocks.StructBlock):
    """A link to a document, or to a manual, standard or project page."""

    page = blocks.PageChooserBlock(
        required=False,
        page_type=["knowledge.ManualPage", "knowledge.StandardPage", "knowledge.ProjectPage"],
        label=_("Manual, standard or project"),
    )
    document = DocumentChooserBlock(required=False, label=_("Document"))
    text = blocks.CharBlock(required=False, label=_("Link text"), help_text=_("Leave empty to use the title"))

    class Meta:
        icon = "link"
        label = _("Link")


class LinksBlock(blocks.StructBlock):
    """A short list of related documents, manuals, standards or projects."""

    title = blocks.CharBlock(required=False, label=_("Title"))
    links = blocks.ListBlock(LinkBlock(), label=_("Links"))

    class Meta:
        icon = "link"
        template = "blocks/links_block.html"
        label = _("Related links")
        description = _("Documents, manuals, standards or projects to read next")


class ManualBlock(BodyBlock):
    """A manual's text. Each main heading (level 2) starts a section of the table of contents."""

    table = TableBlock(label=_("Table"), template="blocks/table_block.html")
    steps = StepsBlock()
    links = LinksBlock()


class ClauseBlock(blocks.StructBlock):
    """A requirement of a standard; clauses are numbered in order and each has its own anchor."""

    title = blocks.CharBlock(label=_("Clause title"))
    text = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"], label=_("Text")
    )

    class Meta:
        icon = "list-ol"
        label = _("Clause")
