"""Views outside the page tree: agencies, documents, reading, the language switch, the health check."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.models import Page

from . import dependencies, health, personal
from .forms import FeedbackForm
from .models import (
    Agency,
    Feedback,
    ManualPage,
    ProjectPage,
    ReadReceipt,
    StandardPage,
    VersionedDocument,
)
from .models.taxonomy import ReferenceItem
from .plans import chosen_plan
from .roles import moderates

AGENCY_SECONDS = 600


def agency_list(request):
    agencies = Agency.objects.all()
    return render(request, "knowledge/agency_list.html", {"agencies": agencies})


def agency_detail(request, code):
    """An agency's projects of one plan (the current one unless ?plan=), their manuals and standards: the
    same for every reader but their own bits."""
    if len(code) > Agency._meta.get_field("code").max_length:
        raise Http404  # no such code, and no cache key of any length
    agency = dependencies.cached(
        f"agency:{code}", Agency.objects.filter(code=code).first, AGENCY_SECONDS, ["reference"]
    )
    if agency is None:
        raise Http404

    choice = chosen_plan(request)

    def context():
        projects = ProjectPage.objects.live().for_agency(agency).with_lead_agencies().order_by("path")
        if choice.plan:
            projects = projects.descendant_of(choice.plan)
        return {
            "agency": agency,
            "choice": choice,
            "projects": projects,
            "manuals": ManualPage.objects.current().under(projects),
            "standards": StandardPage.objects.current().under(projects),
        }

    viewer = personal.viewer_for(request)
    names = ["reference", "kind:planpage", "kind:projectpage", "kind:manualpage", "kind:standardpage"]
    parts = ["agency", code, choice.plan.pk if choice.plan else 0, *viewer.audience()]
    template = "knowledge/agency_detail.html"
    return personal.shared_response(request, viewer, parts, template, context, names, AGENCY_SECONDS)


def reference_detail(request, kind, key):
    """One item of the plan's reference lists (a PMQA 4.0 category, a master-plan sub-plan, a
    Bureaucracy 4.0 goal) with the strategies and projects that carry it."""
    item = ReferenceItem.find(kind, key)
    if item is None:
        raise Http404

    def context():
        strategies, projects = item.carriers()
        kind_label = item._meta.verbose_name
        return {"item": item, "kind_label": kind_label, "strategies": strategies, "projects": projects}

    viewer = personal.viewer_for(request)
    names = ["reference", "kind:strategypage", "kind:projectpage"]
    parts = ["reference", kind, key, *viewer.audience()]
    template = "knowledge/reference_detail.html"
    return personal.shared_response(request, viewer, parts, template, context, names, AGENCY_SECONDS)


def serve_document(request, document_id, number=None):
    """The document's current file at a stable address, or one of its earlier files by number."""
    document = get_object_or_404(VersionedDocument, pk=document_id)
    for hook in hooks.get_hooks("before_serve_document"):  # Wagtail's collection privacy checks
        if isinstance(result := hook(document, request), HttpResponse):
            return result
    current = number is None or number == document.version_number
    file = document.file if current else get_object_or_404(document.versions, number=number).file
    name = document.filename if current else f"v{number}-{document.filename}"
    response = FileResponse(file.open("rb"), filename=name, as_attachment=not name.lower().endswith(".pdf"))
    if not current:
        response["Cache-Control"] = "private, max-age=31536000, immutable"  # an old version never changes
    return response


def edition_or_404(page_id):
    page = get_object_or_404(Page.objects.live().type(ManualPage, StandardPage), pk=page_id)
    return page.specific


@login_required
@require_POST
def mark_read(request, page_id):
    """Record that the signed-in reader has read this edition."""
    page = edition_or_404(page_id)
    ReadReceipt.objects.get_or_create(page=page, user=request.user)
    messages.success(request, _("Recorded: you have read edition %(edition)s.") % {"edition": page.edition})
    return redirect(page.url)


@login_required
@require_POST
def send_feedback(request, page_id):
    """Keep a reader's "was this helpful?" for the owner; a form with errors comes back with its text."""
    page = edition_or_404(page_id)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return render(request, "knowledge/feedback_form.html", {"page": page, "form": form}, status=400)
    Feedback.objects.create(page=page, user=request.user, **form.cleaned_data)
    messages.success(request, _("Thank you: the owner of this document will read your feedback."))
    return redirect(page.url)


@login_required
def feedback_inbox(request):
    """Feedback on the documents the signed-in user owns (every document, for moderators)."""
    feedback = Feedback.objects.select_related("page", "user__profile__agency")
    if not moderates(request.user):
        owner = request.user
        feedback = feedback.filter(
            Q(page__manualpage__owner_contact=owner) | Q(page__standardpage__owner_contact=owner)
        )
    return render(request, "knowledge/feedback_inbox.html", {"feedback": feedback})


# Exempt from CSRF so cached public pages can carry the switcher without a per-visitor token;
# the worst a forged request can do is change someone's display language.
@csrf_exempt
@require_POST
def switch_language(request):
    """Remember the chosen UI language in a cookie and go back to the page the visitor was on."""
    from django.conf import settings

    language = request.POST.get("language", "")
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if check_for_language(language) and language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
    return response


@never_cache
def healthz(request):
    """For supervisors and load balancers: 200 when the parts asked for are well, 503 otherwise, each
    part's state in a word (knowledge.health). `?parts=database` asks for what serving pages needs only:
    a load balancer should not drop every web server because the worker or Redis is down."""
    asked = [part for part in request.GET.get("parts", "").split(",") if part in health.PARTS]
    states = health.report(asked or None)
    healthy = all(state == "ok" for state in states.values())
    response = JsonResponse(
        {"status": "ok" if healthy else "error", **states}, status=200 if healthy else 503
    )
    response._has_been_logged = True  # Django logs every 5xx as an error (mailed to ADMINS): not a probe's
    return response
