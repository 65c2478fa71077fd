"""StreamField blocks shared by every page body. Later issues add manual blocks to `BodyBlock`."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 keeps the page outline in order."""

    text = blocks.CharBlock(label=_("หัวข้อ"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("หัวข้อหลัก")), ("h3", _("หัวข้อย่อย"))], default="h2", label=_("ระดับ")
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("หัวข้อ")
        description = _("หัวข้อของส่วนในหน้า")


class CalloutBlock(blocks.StructBlock):
    """A highlighted note or warning set apart from the text."""

    kind = blocks.ChoiceBlock(
        choices=[("note", _("หมายเหตุ")), ("warning", _("ข้อควรระวัง"))], default="note", label=_("ชนิด")
    )
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"], label=_("ข้อความ"))

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        label = _("กล่องข้อความเด่น")
        description = _("หมายเหตุหรือข้อควรระวังที่ผู้อ่านต้องเห็น")


class FigureBlock(blocks.StructBlock):
    """An image with its caption and the alternative text screen readers announce."""

    image = ImageChooserBlock(label=_("ภาพ"))
    alt_text = blocks.CharBlock(label=_("คำอธิบายภาพสำหรับผู้พิการทางสายตา"))
    caption = blocks.CharBlock(required=False, label=_("คำบรรยายใต้ภาพ"))

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
        label = _("ภาพประกอบ")
        description = _("ภาพพร้อมคำบรรยาย")


class BodyBlock(blocks.StreamBlock):
    """The blocks any page body may use."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3"],
        template="blocks/paragraph_block.html",
        label=_("ย่อหน้า"),
    )
    callout = CalloutBlock()
    figure = FigureBlock()
    quote = blocks.BlockQuoteBlock(label=_("ข้อความอ้างอิง"), template="blocks/quote_block.html")
