"""Work done away from readers' requests: printing an edition's PDF (about 8 s in Chromium)."""

import logging

from django.core.cache import cache
from django.db import transaction
from django_tasks import task
from wagtail.models import Page

from .pdf import PDFUnavailable

logger = logging.getLogger(__name__)
QUEUED_SECONDS = 600  # a print asked for again after this long is queued again (a worker may have died)


@task()
def print_edition(page_id):
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        return
    try:
        page.specific.print_pdf()
    except PDFUnavailable:
        logger.warning("No PDF for page %s: Chromium is not installed", page_id)


def queue_print(page):
    """Ask the worker to print the edition's live revision, once however many readers ask."""
    if cache.add(f"pdf-queued:{page.pdf_name()}", True, QUEUED_SECONDS):
        transaction.on_commit(lambda: print_edition.enqueue(page.pk))
