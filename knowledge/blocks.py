"""StreamField blocks shared by every page body. Later issues add manual blocks to `BodyBlock`."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


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

    image = ImageChooserBlock(label=_("Image"))
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
