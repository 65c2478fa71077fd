"""Small actions on a post or topic, each a POST that returns to where the user was."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from taggit.models import Tag

from knowledge.models import ProjectPage
from knowledge.roles import moderator_only

from .. import services, toggles
from ..forms import AdoptForm, AssignForm, FlagForm, MoveForm
from ..models import Bookmark, Category, ModerationAction, Post, ReactionKind, Topic, Watch
from ..rules import can_see_topic


def back(request, fallback):
    target = request.POST.get("next") or request.META.get("HTTP_REFERER")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def visible_topic(request, pk):
    topic = get_object_or_404(Topic.objects.select_related("category"), pk=pk)
    if not can_see_topic(request.user, topic):
        raise Http404
    return topic


def visible_post(request, pk):
    post = get_object_or_404(Post.objects.visible_to(request.user).select_related("topic__category"), pk=pk)
    if not can_see_topic(request.user, post.topic):
        raise Http404
    return post


@require_POST
@login_required
def react(request, pk, kind):
    if kind not in ReactionKind.values:
        raise Http404
    post = visible_post(request, pk)
    services.reaction_set(post=post, user=request.user, kind=kind, on=toggles.wanted(request))
    return back(request, post)


@require_POST
@login_required
def bookmark(request, pk):
    topic = visible_topic(request, pk)
    on, _changed = toggles.put(Bookmark, toggles.wanted(request), user=request.user, topic=topic)
    messages.success(
        request, _("Bookmarked. Find it under “My bookmarks”.") if on else _("Bookmark removed.")
    )
    return back(request, topic)


WATCH_TARGETS = {
    "topic": lambda request, key: visible_topic(request, key),
    "category": lambda request, key: get_object_or_404(Category.objects.visible_to(request.user), pk=key),
    "tag": lambda request, key: get_object_or_404(Tag, slug=key),
    "project": lambda request, key: get_object_or_404(ProjectPage.objects.live(), code=key),
}


@require_POST
@login_required
def watch(request, target, key):
    if target not in WATCH_TARGETS:
        raise Http404
    obj = WATCH_TARGETS[target](request, key)
    watching, _changed = toggles.put(Watch, toggles.wanted(request), user=request.user, **{target: obj})
    messages.success(
        request,
        _("You are watching this now; new posts will reach you.")
        if watching
        else _("You no longer watch this."),
    )
    return back(request, "forums:index")


@login_required
def flag(request, pk):
    post = visible_post(request, pk)
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.flag_create(post=post, reporter=request.user, **form.cleaned_data)
        messages.success(request, _("Thank you. A moderator will look at this post."))
        return redirect(post)
    return render(request, "forums/flag_form.html", {"form": form, "post": post, "topic": post.topic})


@require_POST
@login_required
def accept(request, pk):
    post = visible_post(request, pk)
    try:
        services.post_accept(post=post, user=request.user)
    except PermissionError as error:
        raise PermissionDenied from error
    messages.success(request, _("The answer is accepted and shown under the question."))
    return redirect(post.topic)


@require_POST
@moderator_only
def moderate_post(request, pk, action):
    post = get_object_or_404(Post.objects.select_related("topic__category"), pk=pk)
    note = request.POST.get("note", "")[:500]
    if action in ("hide", "restore"):
        services.post_set_hidden(post=post, moderator=request.user, hidden=action == "hide", note=note)
    elif action == "approve":
        services.post_approve(post=post, moderator=request.user)
    elif action == "dismiss":
        services.flags_dismiss(post=post, moderator=request.user)
    else:
        raise Http404
    messages.success(request, _("Done: %(action)s.") % {"action": ModerationAction(action).label})
    return back(request, post.topic)


@require_POST
@moderator_only
def moderate_topic(request, pk, action):
    topic = get_object_or_404(Topic, pk=pk)
    if action == ModerationAction.MOVE:
        form = MoveForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose the category to move the topic to."))
            return redirect(topic)
        services.topic_moderate(topic=topic, moderator=request.user, action=action, **form.cleaned_data)
    elif action in services.MODERATION_FIELDS:
        services.topic_moderate(topic=topic, moderator=request.user, action=action)
    else:
        raise Http404
    messages.success(request, _("Done: %(action)s.") % {"action": ModerationAction(action).label})
    return redirect(topic)


@require_POST
@moderator_only
def assign(request, pk):
    topic = get_object_or_404(Topic, pk=pk, kind="question")
    form = AssignForm(request.POST, topic=topic)
    if form.is_valid():
        services.question_assign(topic=topic, moderator=request.user, assignee=form.cleaned_data["assignee"])
        messages.success(request, _("The question is assigned."))
    else:
        messages.error(request, _("Choose an expert from the list."))
    return back(request, topic)


@require_POST
@moderator_only
def endorse(request, pk):
    topic = get_object_or_404(Topic.objects.select_related("case"), pk=pk, kind="case")
    endorsed = not topic.case.is_endorsed
    services.case_endorse(case=topic.case, moderator=request.user, endorsed=endorsed)
    messages.success(
        request, _("Endorsed as an exemplary practice.") if endorsed else _("Endorsement withdrawn.")
    )
    return redirect(topic)


@login_required
def adopt(request, pk):
    topic = visible_topic(request, pk)
    if not topic.is_case:
        raise Http404
    agency = getattr(getattr(request.user, "profile", None), "agency", None)
    form = AdoptForm(request.POST or None, initial={"agency": agency})
    if request.method == "POST" and form.is_valid():
        services.case_adopt(case=topic.case, user=request.user, **form.cleaned_data)
        messages.success(request, _("Thank you: your agency is listed as having adopted this practice."))
        return redirect(topic)
    return render(request, "forums/adopt_form.html", {"form": form, "topic": topic})


@require_POST
@moderator_only
def answer_to_manual(request, pk):
    """A moderator turns the accepted answer into a draft section of the project's manual."""
    from ..manual_drafts import answer_to_manual_draft

    topic = get_object_or_404(Topic.objects.select_related("accepted_post"), pk=pk, kind="question")
    draft = answer_to_manual_draft(
        topic=topic, moderator=request.user, source_url=request.build_absolute_uri(topic.get_absolute_url())
    )
    if draft is None:
        messages.error(
            request, _("No manual in force is linked to this question's projects, or no answer is accepted.")
        )
        return redirect(topic)
    messages.success(
        request,
        _("The answer is now a section of the draft “%(title)s”, waiting for review.")
        % {"title": draft.title},
    )
    return redirect("wagtailadmin_pages:edit", draft.pk)
