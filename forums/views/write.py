"""Writing: opening a topic, replying, editing. Preview renders the Markdown without saving anything."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from .. import services
from ..forms import PostEditForm, TopicForm
from ..markdown import render as render_markdown
from ..models import Category, Post, TopicKind, TopicStatus
from ..rules import can_edit, can_see_topic, is_moderator
from .browse import TopicView


def too_fast(form, wait):
    """A clear error on the form (its text is kept) when the user is posting too fast."""
    form.add_error(
        None,
        _("You are posting too quickly. Please wait %(seconds)s seconds and try again.") % {"seconds": wait},
    )


def held_message(request, held):
    if held:
        messages.info(
            request, _("Thank you. A moderator will check your first post before others can see it.")
        )


@method_decorator(login_required, name="dispatch")
class TopicCreateView(View):
    template_name = "forums/topic_form.html"

    def get(self, request):
        initial = {
            "kind": request.GET.get("kind", TopicKind.DISCUSSION),
            "category": request.GET.get("category"),
        }
        if project := request.GET.get("project"):
            initial["projects"] = [project]
        return self.render(request, TopicForm(initial=initial, user=request.user))

    def post(self, request):
        form = TopicForm(request.POST, request.FILES, user=request.user)
        if "preview" in request.POST or not form.is_valid():
            return self.render(request, form, preview=True, status=200 if "preview" in request.POST else 400)
        try:
            topic = self.create(request, form)
        except services.PostingTooFast as error:
            too_fast(form, error.wait)
            return self.render(request, form, preview=True, status=400)
        held_message(request, topic.status == TopicStatus.HELD)
        return redirect(topic)

    @staticmethod
    def create(request, form):
        data = form.cleaned_data
        return services.topic_create(
            author=request.user,
            category=data["category"],
            kind=data["kind"],
            title=data["title"],
            body=data["body"],
            projects=data["projects"],
            tags=data["tags"],
            image=data["image"],
            image_alt=data["image_alt"],
            case=form.case_fields() if data["kind"] == TopicKind.CASE else None,
            indicators=data["indicators"],
            assignee=data["assignee"],
            limited=True,
        )

    def render(self, request, form, preview=False, status=200):
        body = form.data.get("body") if preview else None
        clinic_ids = list(Category.objects.filter(is_clinic=True).values_list("pk", flat=True))
        context = {"form": form, "preview": render_markdown(body) if body else None, "clinic_ids": clinic_ids}
        return render(request, self.template_name, context, status=status)


@method_decorator(login_required, name="dispatch")
class ReplyView(TopicView):
    """POST only: the reply form of the topic page."""

    def get(self, request, pk):
        return redirect("forums:topic", pk=pk)

    def post(self, request, pk):
        from ..forms import ReplyForm

        topic = self.topic(request, pk)
        form = ReplyForm(request.POST, request.FILES)
        if "preview" in request.POST:
            return self.render(request, topic, form, preview=render_markdown(form.data.get("body", "")))
        if not form.is_valid():
            return self.render(request, topic, form, status=400)
        try:
            post = services.post_create(
                topic=topic,
                author=request.user,
                body=form.cleaned_data["body"],
                image=form.cleaned_data["image"],
                image_alt=form.cleaned_data["image_alt"],
                limited=True,
            )
        except services.PostingTooFast as error:
            too_fast(form, error.wait)
            return self.render(request, topic, form, status=400)
        except PermissionError:
            form.add_error(None, _("This topic no longer accepts replies. Your text is kept below."))
            return self.render(request, topic, form, status=400)
        held_message(request, post.status == "held")
        return redirect(post)


@method_decorator(login_required, name="dispatch")
class PostEditView(View):
    template_name = "forums/post_edit.html"

    def dispatch(self, request, pk):
        self.post_obj = get_object_or_404(Post.objects.select_related("topic__category"), pk=pk)
        if not can_see_topic(request.user, self.post_obj.topic):
            return redirect("forums:index")
        if not can_edit(request.user, self.post_obj):
            raise PermissionDenied
        return super().dispatch(request, pk)

    def get(self, request, pk):
        return self.render(request, PostEditForm(initial={"body": self.post_obj.body}))

    def post(self, request, pk):
        form = PostEditForm(request.POST)
        if "preview" in request.POST or not form.is_valid():
            return self.render(request, form, preview="preview" in request.POST)
        services.post_edit(post=self.post_obj, editor=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Your changes are saved."))
        return redirect(self.post_obj)

    def render(self, request, form, preview=False):
        context = {"form": form, "post": self.post_obj, "topic": self.post_obj.topic}
        if preview:
            context["preview"] = render_markdown(form.data.get("body", ""))
        return render(
            request, self.template_name, context, status=200 if preview or not form.is_bound else 400
        )


@login_required
def post_history(request, pk):
    """Earlier versions of a post, for moderators."""
    if not is_moderator(request.user):
        raise PermissionDenied
    post = get_object_or_404(Post.objects.select_related("topic", "author"), pk=pk)
    revisions = post.revisions.select_related("edited_by")
    return render(
        request, "forums/post_history.html", {"post": post, "topic": post.topic, "revisions": revisions}
    )
