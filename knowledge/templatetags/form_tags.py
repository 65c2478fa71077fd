"""Form fields that screen readers can follow: the input names its help and error texts by id."""

from django import template

register = template.Library()


@register.simple_tag
def described_by(field):
    """The ids of the field's help and error texts (includes/form_field.html renders them)."""
    ids = [f"{field.auto_id}_helptext"] if field.help_text else []
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    return " ".join(ids)


@register.simple_tag
def described_widget(field):
    """The field's input, pointing to its help and error texts (Django marks it aria-invalid on errors)."""
    ids = described_by(field)
    return field.as_widget(attrs={"aria-describedby": ids} if ids else None)
