"""Keeping the index in step with the content: store, remove and rebuild entries."""

from django.db import transaction

from knowledge.models import Agency

from .analysis import analyze, normalize
from .backends import get_backend
from .models import SearchEntry, SearchFacet
from .sources import all_objects, document_for, key_for


def agency_synonyms(document, agencies):
    """Every written form of each agency the entry names or belongs to, so "สพฐ" finds the full name,
    the reverse, and the agency's projects, manuals and updates."""
    text = normalize(f"{document.title}\n{document.text}")
    own = {value for name, value, _label in document.facets if name == "agency"}
    extra = []
    for agency in agencies:
        forms = [agency.name, agency.name_en, *agency.abbreviations]
        if agency.code in own or any(form and normalize(form) in text for form in forms):
            extra += forms
    return " ".join(form for form in extra if form)


@transaction.atomic
def store(document, agencies):
    synonyms = agency_synonyms(document, agencies)
    entry, _ = SearchEntry.objects.update_or_create(
        key=document.key,
        defaults={
            "kind": document.kind,
            "title": document.title,
            "text": document.text,
            "title_words": analyze(document.title),
            "text_words": analyze(f"{document.text}\n{synonyms}"),
            "url": document.url,
            "date": document.date,
            "is_current": document.current,
        },
    )
    entry.facets.all().delete()
    SearchFacet.objects.bulk_create(
        SearchFacet(entry=entry, name=name, value=value, label=label)
        for name, value, label in set(document.facets)
    )
    get_backend().store([entry])
    return entry


def remove(keys):
    entries = SearchEntry.objects.filter(key__in=keys)
    get_backend().forget(list(entries.values_list("pk", flat=True)))
    entries.delete()


def index_objects(objects):
    """Bring the entries of these objects up to date: stored when findable, removed otherwise."""
    agencies = list(Agency.objects.all())
    for obj in objects:
        document = document_for(obj)
        if document:
            store(document, agencies)
        else:
            remove([key_for(obj)])


def rebuild(progress=None):
    """Empty the index and index everything again; `progress(done)` is called as it goes."""
    get_backend().clear()
    SearchEntry.objects.all().delete()
    agencies = list(Agency.objects.all())
    done = 0
    for obj in all_objects():
        if document := document_for(obj):
            store(document, agencies)
        done += 1
        if progress:
            progress(done)
    return done
