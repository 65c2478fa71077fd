"""Budget priority pages: every year's ranking (public once decided), and the host unit's scoring sheet."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knowledge import page_cache
from knowledge.dependencies import depends_on
from knowledge.roles import moderates, moderator_only
from knowledge.spreadsheets import FORMATS, table_response

from . import services
from .forms import ScoreSheet
from .models import Round
from .ranking import ranking

RANKING_BODY = "priorities/includes/ranking_body.html"
# Scores and rounds; the projects' titles and budgets; the clinic questions counted beside them.
RANKING_NAMES = ("priorities", "kind:projectpage", "forum")
RANKING_SECONDS = 600


def visible_round(request, pk):
    return get_object_or_404(
        Round.objects.visible_to(request.user).select_related("plan", "decided_by"), pk=pk
    )


def round_list(request):
    rounds = Round.objects.visible_to(request.user).select_related("plan", "decided_by")
    return render(
        request, "priorities/round_list.html", {"rounds": rounds, "moderator": moderates(request.user)}
    )


def round_detail(request, pk):
    """A ranking: its body (criteria and the ranked table) is the same for everyone who may see the round, so
    it is rendered once until a score, a project or a clinic question changes."""
    depends_on(*RANKING_NAMES)
    round_ = visible_round(request, pk)

    def render_body():
        criteria, rows = ranking(round_)
        return render_to_string(RANKING_BODY, {"round": round_, "criteria": criteria, "rows": rows})

    body = page_cache.fragment(
        RANKING_BODY, [round_.pk], render_body, names=RANKING_NAMES, seconds=RANKING_SECONDS
    )
    context = {"round": round_, "body": body, "moderator": moderates(request.user)}
    return page_cache.complete(render(request, "priorities/round_detail.html", context))


@moderator_only
def round_score(request, pk):
    """The scoring sheet; saving keeps every cell typed, even when another cell has an error."""
    round_ = get_object_or_404(Round.objects.select_related("plan"), pk=pk)
    if round_.is_decided:
        messages.warning(request, _("This ranking has been decided and can no longer be changed."))
        return redirect(round_)
    criteria, rows = ranking(round_)
    sheet = ScoreSheet(request.POST or None, rows=rows, criteria=criteria)
    if request.method == "POST" and sheet.is_valid():
        services.scores_save(round_=round_, user=request.user, entries=sheet.entries())
        messages.success(request, _("The scores have been saved."))
        return redirect("priorities:score", pk=round_.pk)
    table = [
        (row, [(criterion, *sheet.field_pair(row.project.pk, criterion.pk)) for criterion in criteria])
        for row in rows
    ]
    context = {"round": round_, "criteria": criteria, "sheet": sheet, "table": table}
    return render(request, "priorities/round_score.html", context, status=400 if sheet.errors else 200)


@require_POST
@moderator_only
def round_decide(request, pk):
    round_ = get_object_or_404(Round, pk=pk)
    try:
        services.round_decide(round_=round_, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("priorities:score", pk=round_.pk)
    messages.success(request, _("The ranking has been decided and is now public."))
    return redirect(round_)


def round_export(request, pk, fmt):
    """The ranking as CSV or Excel, with each score."""
    if fmt not in FORMATS:
        raise Http404
    round_ = visible_round(request, pk)
    criteria, rows = ranking(round_)
    header = [
        _("Rank"),
        _("Project code"),
        _("Project"),
        *(criterion.display_name for criterion in criteria),
        _("Total (0–100)"),
        _("Requested (THB)"),
        _("Allocated (THB)"),
    ]
    table = [
        [
            row.rank,
            row.project.code,
            row.project.display_title,
            *(score.value if score else None for _criterion, score in row.cells),
            row.total,
            row.requested,
            row.allocated,
        ]
        for row in rows
    ]
    return table_response(f"priority-{round_.plan.slug}-{round_.fiscal_year}", fmt, header, table)
