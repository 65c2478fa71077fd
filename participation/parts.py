"""The parts of a text readers comment on: a manual's sections, a standard's numbered clauses."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from knowledge.models import ManualPage


@dataclass
class Part:
    anchor: str
    title: str
    blocks: list


def parts_of(edition):
    if isinstance(edition, ManualPage):
        return [
            Part(section.anchor, section.title or _("Introduction"), section.blocks)
            for section in edition.sections
        ]
    return [
        Part(f"clause-{number}", _("Clause %(number)s") % {"number": number}, [clause])
        for number, clause in enumerate(edition.clauses, start=1)
    ]
