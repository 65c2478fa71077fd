"""Hearings for staff (the open ones, one hearing's text with a comment form per part, the owner's answers)
and stakeholders' feedback on projects (a form for anyone, a queue for moderators)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knowledge.models import ProjectPage
from knowledge.roles import moderator_only

from . import services
from .access import may_answer, may_comment, may_read
from .forms import AnswerForm, CommentForm, ProjectFeedbackForm
from .models import Comment, Hearing, ProjectFeedback
from .parts import parts_of


@login_required
def hearing_list(request):
    hearings = Hearing.objects.select_related("page").prefetch_related("agencies")
    visible = [hearing for hearing in hearings if may_read(request.user, hearing)]
    today = timezone.localdate()
    context = {
        "open": [hearing for hearing in visible if hearing.is_open(today)],
        "closed": [hearing for hearing in visible if not hearing.is_open(today)],
    }
    return render(request, "participation/hearing_list.html", context)


def readable(request, pk):
    hearing = get_object_or_404(Hearing.objects.select_related("page"), pk=pk)
    if not may_read(request.user, hearing):
        raise Http404  # a hearing for named agencies is not announced to others
    return hearing


@login_required
def hearing_detail(request, pk):
    """The text heard, part by part, each with its comments; a comment form while the hearing is open."""
    hearing = readable(request, pk)
    edition = hearing.edition()
    parts = parts_of(edition)
    form = CommentForm(request.POST or None, parts=parts)
    if request.method == "POST":
        if not may_comment(request.user, hearing):
            raise PermissionDenied
        if form.is_valid():
            part = form.parts[form.cleaned_data["part"]]
            services.comment_add(
                hearing=hearing,
                user=request.user,
                part=part.anchor,
                part_title=part.title,
                quote=form.cleaned_data["quote"],
                body=form.cleaned_data["body"],
            )
            messages.success(request, _("Your comment has been sent to the owner of the document."))
            return redirect(f"{hearing.get_absolute_url()}#{part.anchor}")
    comments = list(hearing.comments.select_related("author", "agency", "resolved_by"))
    for part in parts:
        part.comments = [comment for comment in comments if comment.part == part.anchor]
    context = {
        "hearing": hearing,
        "edition": edition,
        "parts": parts,
        "form": form,
        "can_comment": may_comment(request.user, hearing),
        "can_answer": may_answer(request.user, hearing),
        "answer_form": AnswerForm(),
    }
    return render(request, "participation/hearing_detail.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def comment_answer(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("hearing__page"), pk=pk)
    if not may_answer(request.user, comment.hearing):
        raise PermissionDenied
    form = AnswerForm(request.POST)
    if form.is_valid():
        services.comment_answer(comment=comment, user=request.user, **form.cleaned_data)
        messages.success(request, _("Your answer has been saved."))
    else:
        messages.error(request, _("Choose a resolution and give its reason."))
    return redirect(f"{comment.hearing.get_absolute_url()}#{comment.part}")


def feedback_form(request, code):
    """A project's short feedback form, for anyone; what is sent waits for a moderator."""
    project = get_object_or_404(ProjectPage.objects.live().public(), code=code)
    form = ProjectFeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in ("name", "organisation", "email", "body")}
        services.feedback_send(project=project, user=request.user, **data)
        messages.success(
            request, _("Thank you. Your feedback will be published once a moderator has read it.")
        )
        return redirect(project.url)
    status = 400 if form.errors else 200
    return render(
        request, "participation/feedback_form.html", {"project": project, "form": form}, status=status
    )


@moderator_only
def feedback_queue(request):
    if request.method == "POST":
        feedback = get_object_or_404(ProjectFeedback.objects.pending(), pk=request.POST.get("feedback"))
        services.feedback_moderate(
            feedback=feedback, user=request.user, approve=request.POST.get("approve") == "1"
        )
        messages.success(
            request, _("Done: the feedback is %(status)s.") % {"status": feedback.get_status_display()}
        )
        return redirect("participation:feedback_queue")
    waiting = ProjectFeedback.objects.pending().select_related("project")
    return render(request, "participation/feedback_queue.html", {"waiting": waiting})
