"""Content stored in Thai with an optional English version; show the one matching the UI language."""

from django.utils.translation import get_language


def localized(thai, english):
    """The English text when the visitor reads in English and one exists, otherwise the Thai."""
    if english and (get_language() or "").startswith("en"):
        return english
    return thai
