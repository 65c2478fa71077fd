"""Reading the exchange: the index, topic lists (per category or filtered), a topic with its posts."""

from functools import partial

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.generic import TemplateView, View
from wagtail.models import Page

from knowledge.models import StrategyPage

from .. import fragments
from ..access import can_read
from ..filters import TopicFilter
from ..forms import AssignForm, ReplyForm
from ..models import CaseStudy, Category, Post, PostImage, ReactionKind, Topic
from ..rules import can_reply, can_see_topic, is_moderator
from ..services import topic_viewed
from ..viewers import ForumViewer


def exemplary_cases(user, limit=None):
    topics = Topic.objects.visible_to(user).filter(case__endorsed_at__isnull=False)
    topics = (
        topics.select_related("case", "case__agency")
        .prefetch_related("projects")
        .order_by("-case__endorsed_at")
    )
    return topics[:limit] if limit else topics


class ForumIndexView(View):
    """The exchange's front page: categories with their counters, the latest topics, exemplary cases."""

    def get(self, request):
        user = request.user

        def context():
            return {
                "categories": Category.objects.visible_to(user).select_related("strategy", "project"),
                "latest": Topic.objects.visible_to(user).rows()[:10],
                "exemplary": exemplary_cases(user, limit=3),
                "is_moderator": is_moderator(user),
            }

        parts = ["forum-index", *fragments.viewer_key(user)]
        names = ["forum", "exemplary"]
        return fragments.shared_response(
            request, ForumViewer(request), parts, "forums/index.html", context, names
        )


class TopicListView(View):
    """Topics of one category, or of the whole exchange, narrowed by the plan's taxonomy."""

    def get(self, request, pk=None):
        category = None
        if pk is not None:
            category = fragments.cached_object(
                "forum-category", pk, Category.objects.filter(pk=pk).first, [f"category:{pk}", "forum-access"]
            )
            if category is None or not can_read(category.audience(), request.user):
                raise Http404
        parts = ["forum-list", pk, request.GET.urlencode(), *fragments.viewer_key(request.user)]
        viewer = ForumViewer(request, category=category)
        # A category's list changes with its topics; a list across categories, with any topic.
        names = [
            f"category:{pk}" if category else "forum",
            "kind:strategypage",
            "kind:projectpage",
            "reference",
        ]
        return fragments.shared_response(
            request, viewer, parts, "forums/topic_list.html", lambda: self.context(request, category), names
        )

    def context(self, request, category):
        topics = Topic.objects.visible_to(request.user)
        if category:
            topics = topics.filter(category=category)
        topic_filter = TopicFilter(request.GET or None, queryset=topics)
        paginator = Paginator(topic_filter.qs.rows(), settings.FORUM_TOPICS_PER_PAGE)
        return {
            "category": category,
            "filter": topic_filter,
            "active_filters": topic_filter.active(),
            "page_obj": paginator.get_page(request.GET.get("page")),
            "is_moderator": is_moderator(request.user),
        }


class TopicView(View):
    """A topic: its opening post (and case or question), the replies page by page, and the reply form.

    Everyone who sees the same posts shares one rendering of each page of a topic; each reader's own
    buttons (what they pressed, what they may edit) are filled in per request (knowledge.personal)."""

    template_name = "forums/topic.html"

    def get(self, request, pk):
        topic = self.topic(request, pk)
        viewer = ForumViewer(request, topic=topic)
        parts = ["forum-topic", topic.pk, request.GET.get("page"), *self.audience(viewer)]
        context = partial(self.context, request, topic, ReplyForm())
        response = fragments.shared_response(
            request, viewer, parts, self.template_name, context, [f"topic:{topic.pk}"]
        )
        topic_viewed(topic.pk)
        response.page_cache_hit = ("forums.services.topic_viewed", [topic.pk])
        return response

    def render(self, request, topic, form, preview=None, status=200):
        """The page for this reader alone: a reply that came back with errors, or its preview."""
        context = {**self.context(request, topic, form, preview), "viewer": ForumViewer(request, topic=topic)}
        return render(request, self.template_name, context, status=status)

    def topic(self, request, pk):
        """The topic, if this reader may see it. Read from the cache until it changes: every visit asks."""
        topic = fragments.cached_object(
            "forum-topic",
            pk,
            lambda: Topic.objects.select_related("category", "author", "assignee").filter(pk=pk).first(),
            [f"topic:{pk}", "forum-access", "people"],
        )
        if topic is None or not can_see_topic(request.user, topic):
            raise Http404
        return topic

    @staticmethod
    def audience(viewer):
        """Who sees the same posts here: visitors, members, moderators; a member's own held posts show to
        them alone."""
        if not viewer.user.is_authenticated:
            return ["visitor"]
        if is_moderator(viewer.user):
            return ["moderator"]
        return ["member", *([f"author:{viewer.user.pk}"] if viewer.has_held_posts() else [])]

    def context(self, request, topic, form, preview=None):
        user = request.user
        page = self.posts(request, topic)
        context = {
            "topic": topic,
            "form": form,
            "preview": preview,
            "projects": topic.projects.all(),
            "tags": topic.tags.all(),
            "accepted": self.accepted(request, topic),
            "can_reply": can_reply(user, topic),
            "is_moderator": is_moderator(user),
            "page_obj": page,
            "posts": page.object_list,
        }
        if topic.is_case:
            context["case"] = self.case(topic)
        if context["is_moderator"]:
            context["move_targets"] = Category.objects.all()
            if topic.is_question:
                context["assign_form"] = AssignForm(topic=topic, initial={"assignee": topic.assignee_id})
        return context

    def posts(self, request, topic):
        """One page of posts, each with its rendered body, its address and its reaction counts."""
        posts = (
            Post.objects.visible_to(request.user)
            .filter(topic=topic)
            .select_related("author", "author__profile__agency")
            .prefetch_related(Prefetch("images", queryset=PostImage.objects.order_by("pk")))
            .order_by("number")
        )
        paginator = Paginator(posts, settings.FORUM_POSTS_PER_PAGE)
        paginator.count = Post.objects.filter(topic=topic).visible_count(request.user)  # a cached_property
        page = paginator.get_page(request.GET.get("page"))
        page.object_list = list(page.object_list)
        # Each post's tools live under its address (/forums/p/<id>/...): one reverse() serves them all.
        root = reverse("forums:post", args=[0]).removesuffix("0/")
        for post in page.object_list:
            post.topic = topic  # the rules read the topic; loaded once, not once per post
            post.url = f"{root}{post.pk}/"
            post.reaction_counts = [
                (kind, label, getattr(post, f"{kind}_count")) for kind, label in ReactionKind.choices
            ]
        fragments.with_bodies(page.object_list, topic)
        return page

    def accepted(self, request, topic):
        if not topic.accepted_post_id:
            return None
        return (
            Post.objects.visible_to(request.user)
            .select_related("author")
            .filter(pk=topic.accepted_post_id)
            .first()
        )

    def case(self, topic):
        return (
            CaseStudy.objects.select_related("agency", "endorsed_by")
            .prefetch_related("indicators__project", "adoptions__agency")
            .get(pk=topic.pk)
        )


def post_redirect(request, pk):
    """A post's permanent address: the page of its topic where it is, at its anchor."""
    post = get_object_or_404(Post.objects.select_related("topic__category"), pk=pk)
    if (
        not can_see_topic(request.user, post.topic)
        or not Post.objects.visible_to(request.user).filter(pk=pk).exists()
    ):
        raise Http404
    before = Post.objects.visible_to(request.user).filter(topic=post.topic, number__lt=post.number).count()
    page = before // settings.FORUM_POSTS_PER_PAGE + 1
    suffix = f"?page={page}" if page > 1 else ""
    return redirect(f"{post.topic.get_absolute_url()}{suffix}#p{post.number}")


class ExemplaryView(TemplateView):
    """The yearly list of exemplary practices, per strategy, for the plan's incentive system."""

    template_name = "forums/exemplary.html"

    def get_context_data(self, year, **kwargs):
        from knowledge.thaidate import BuddhistYearConverter, fiscal_year_bounds

        start, end = fiscal_year_bounds(year)
        cases = exemplary_cases(AnonymousUser()).filter(case__endorsed_at__date__range=(start, end))
        strategies = {strategy.path: strategy for strategy in StrategyPage.objects.live()}
        by_strategy = {}
        for topic in cases:
            # A project page sits right under its strategy: the parent's path is one step shorter.
            linked = {strategies.get(project.path[: -Page.steplen]) for project in topic.projects.all()}
            for strategy in linked or {None}:
                by_strategy.setdefault(strategy, []).append(topic)
        groups = sorted(by_strategy.items(), key=lambda item: item[0].number if item[0] else 99)
        years = range(BuddhistYearConverter.first, BuddhistYearConverter.last + 1)
        return super().get_context_data(
            year=year,
            previous=year - 1 if year - 1 in years else None,
            next=year + 1 if year + 1 in years else None,
            groups=groups,
            count=len(cases),
            **kwargs,
        )
