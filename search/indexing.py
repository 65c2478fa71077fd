"""Keeping the index in step with the content: store, remove and rebuild entries."""

from functools import lru_cache

from django.db import transaction

from knowledge import dependencies
from knowledge.models import Agency

from .analysis import analyze, normalize
from .backends import get_backend
from .models import SearchEntry, SearchFacet, SearchWord
from .sources import all_objects, document_for, key_for
from .spelling import skeleton


@lru_cache(maxsize=1024)
def normalized_name(form):
    """Agency names, normalised once per process instead of once per entry indexed."""
    return normalize(form)


def agency_synonyms(document, agencies):
    """Every written form of each agency the entry names or belongs to, so "สพฐ" finds the full name,
    the reverse, and the agency's projects, manuals and updates."""
    text = normalize(f"{document.title}\n{document.text}")
    own = {value for name, value, _label in document.facets if name == "agency"}
    extra = []
    for agency in agencies:
        forms = [agency.name, agency.name_en, *agency.abbreviations]
        if agency.code in own or any(form and normalized_name(form) in text for form in forms):
            extra += forms
    return " ".join(form for form in extra if form)


def entry_fields(document, agencies):
    """The stored values of a document's entry: as written, and analysed for the full-text index."""
    synonyms = agency_synonyms(document, agencies)
    return {
        "kind": document.kind,
        "title": document.title,
        "text": document.text,
        "title_words": analyze(document.title) if document.own_title else "",
        "text_words": analyze(f"{document.text}\n{synonyms}"),
        "url": document.url,
        "date": document.date,
        "is_current": document.current,
        "is_public": document.audience is None,
        "group_ids": document.audience or [],
    }


def facets_of(entry, document):
    # Unique and in order: the first agency listed is the lead agency shown on a result.
    return [
        SearchFacet(entry=entry, name=name, value=value, label=label)
        for name, value, label in dict.fromkeys(document.facets)
    ]


@transaction.atomic
def store(document, agencies):
    """Create or update one entry."""
    entry, _ = SearchEntry.objects.update_or_create(
        key=document.key, defaults=entry_fields(document, agencies)
    )
    entry.facets.all().delete()
    SearchFacet.objects.bulk_create(facets_of(entry, document))
    get_backend().store([entry])
    remember_words([entry])
    return entry


@transaction.atomic
def insert_many(documents, agencies):
    """Add entries that are not in the index yet, in a few queries (a rebuild's chunks)."""
    entries = SearchEntry.objects.bulk_create(
        SearchEntry(key=document.key, **entry_fields(document, agencies)) for document in documents
    )
    SearchFacet.objects.bulk_create(
        facet
        for entry, document in zip(entries, documents, strict=True)
        for facet in facets_of(entry, document)
    )
    get_backend().store(entries)
    remember_words(entries)
    # bulk_create sends no signal: kept search results (search.views.run) learn of the new entries here.
    transaction.on_commit(lambda: dependencies.mark(["search"]))


def remember_words(entries):
    """Add the entries' words to the vocabulary that typos are corrected against. A word whose last
    entry is gone stays until the next rebuild: a correction to it finds nothing, as the typed word did."""
    words = {word for entry in entries for word in f"{entry.title_words} {entry.text_words}".split()}
    SearchWord.objects.bulk_create(
        [SearchWord(word=word, skeleton=skeleton(word)) for word in words if len(word) <= 100],
        ignore_conflicts=True,
        batch_size=500,
    )


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


def rebuild(progress=None, chunk=500):
    """Empty the index and index everything again; `progress(done)` is called as it goes."""
    get_backend().clear()
    SearchEntry.objects.all().delete()
    SearchWord.objects.all().delete()
    agencies = list(Agency.objects.all())
    done, pending = 0, []
    for obj in all_objects():
        if document := document_for(obj):
            pending.append(document)
        done += 1
        if len(pending) >= chunk:
            insert_many(pending, agencies)
            pending = []
        if progress:
            progress(done)
    insert_many(pending, agencies)
    return done
