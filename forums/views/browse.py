"""Reading the exchange: the index, topic lists (per category or filtered), a topic with its posts."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.backends.utils import csrf_input
from django.urls import reverse
from django.views.generic import TemplateView, View
from wagtail.models import Page

from knowledge.models import StrategyPage

from .. import fragments
from ..filters import TopicFilter
from ..forms import AssignForm, ReplyForm
from ..models import Bookmark, CaseStudy, Category, Post, PostImage, Reaction, ReactionKind, Topic, Watch
from ..rules import can_accept, can_edit, can_reply, can_see_topic, is_moderator
from ..services import topic_viewed


def exemplary_cases(user, limit=None):
    topics = Topic.objects.visible_to(user).filter(case__endorsed_at__isnull=False)
    topics = (
        topics.select_related("case", "case__agency")
        .prefetch_related("projects")
        .order_by("-case__endorsed_at")
    )
    return topics[:limit] if limit else topics


class ForumIndexView(TemplateView):
    template_name = "forums/index.html"

    def get_context_data(self, **kwargs):
        user = self.request.user

        def body():
            categories = Category.objects.visible_to(user).select_related("strategy", "project")
            return {
                "categories": categories,
                "latest": Topic.objects.visible_to(user).rows()[:10],
                "exemplary": exemplary_cases(user, limit=3),
            }

        body = fragments.page_body("forum-index", self.request, [], "forums/includes/index_body.html", body)
        return super().get_context_data(body=body, is_moderator=is_moderator(user), **kwargs)


class TopicListView(TemplateView):
    """Topics of one category, or of the whole exchange, narrowed by the plan's taxonomy."""

    template_name = "forums/topic_list.html"

    def get_context_data(self, **kwargs):
        user, category = self.request.user, None
        if "pk" in self.kwargs:
            category = get_object_or_404(Category.objects.visible_to(user), pk=self.kwargs["pk"])
        watching = category and Watch.objects.filter(user_id=user.pk, category=category).exists()
        body = fragments.page_body(
            "forum-list",
            self.request,
            [category and category.pk, self.request.GET.urlencode()],
            "forums/includes/topic_list_body.html",
            lambda: self.body_context(category),
        )
        return super().get_context_data(category=category, watching=watching, body=body, **kwargs)

    def body_context(self, category):
        topics = Topic.objects.visible_to(self.request.user)
        if category:
            topics = topics.filter(category=category)
        topic_filter = TopicFilter(self.request.GET or None, queryset=topics)
        paginator = Paginator(topic_filter.qs.rows(), settings.FORUM_TOPICS_PER_PAGE)
        return {
            "category": category,
            "filter": topic_filter,
            "active_filters": topic_filter.active(),
            "page_obj": paginator.get_page(self.request.GET.get("page")),
        }


class TopicView(View):
    """A topic: its opening post (and case or question), the replies page by page, and the reply form."""

    template_name = "forums/topic.html"

    def get(self, request, pk):
        return self.render(request, self.topic(request, pk), ReplyForm())

    def topic(self, request, pk):
        topic = get_object_or_404(
            Topic.objects.select_related("category", "author", "assignee"),  # a case is read apart
            pk=pk,
        )
        if not can_see_topic(request.user, topic):
            raise Http404
        return topic

    def posts(self, request, topic):
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
        for post in page.object_list:
            post.topic = topic  # the rules read the topic; loaded once, not once per post
        fragments.with_bodies(page.object_list, topic)
        return page

    def render(self, request, topic, form, preview=None, status=200):
        user = request.user
        context = {
            "topic": topic,
            "form": form,
            "preview": preview,
            "projects": topic.projects.all(),
            "tags": topic.tags.all(),
            "accepted": self.accepted(request, topic),
            "can_reply": can_reply(user, topic),
            "can_accept": can_accept(user, topic),
            "is_moderator": is_moderator(user),
        }
        if user.is_authenticated:
            context.update(self.post_list(request, topic))
        else:  # no buttons of their own: visitors share one rendering of each page of posts
            context["posts_html"] = fragments.page_body(
                "forum-posts",
                request,
                [topic.pk, request.GET.get("page")],
                "forums/includes/post_list.html",
                lambda: {**context, **self.post_list(request, topic)},
            )
        if topic.is_case:
            context["case"] = self.case(topic)
        if context["is_moderator"]:
            context["move_targets"] = Category.objects.all()
            if topic.is_question:
                context["assign_form"] = AssignForm(topic=topic, initial={"assignee": topic.assignee_id})
        response = render(request, self.template_name, context, status=status)
        if request.method == "GET":
            topic_viewed(topic.pk)
            response.page_cache_hit = ("forums.services.topic_viewed", [topic.pk])
        return response

    def post_list(self, request, topic):
        """One page of posts, with what this reader did to them and may do with them."""
        page = self.posts(request, topic)
        personal = self.personal(request, topic, page.object_list)
        # Each post's tools live under its address (/forums/p/<id>/...): one reverse() serves them all,
        # and one CSRF field every form, instead of a {% url %} and a {% csrf_token %} per button.
        root = reverse("forums:post", args=[0]).removesuffix("0/")
        for post in page.object_list:  # plain data for the buttons: cheaper than a template tag per post
            post.url = f"{root}{post.pk}/"
            post.reaction_buttons = [
                (kind, label, getattr(post, f"{kind}_count"), (post.pk, kind) in personal["reacted"])
                for kind, label in ReactionKind.choices
            ]
        return {"page_obj": page, "posts": page.object_list, **personal}

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

    def personal(self, request, topic, posts):
        """What this reader did here (reactions, bookmark, watch), which posts they may edit, and the one
        CSRF field their post forms share (none for visitors: a cookie would keep the page out of cache)."""
        user = request.user
        if not user.is_authenticated:
            return {"reacted": set(), "editable": set()}
        ids = [post.pk for post in posts]
        return {
            "reacted": set(Reaction.objects.filter(user=user, post__in=ids).values_list("post_id", "kind")),
            "editable": {post.pk for post in posts if can_edit(user, post)},
            "bookmarked": Bookmark.objects.filter(user=user, topic=topic).exists(),
            "watching": Watch.objects.filter(user=user, topic=topic).exists(),
            "csrf_input": csrf_input(request),
        }


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
        from knowledge.thaidate import fiscal_year_bounds

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
        return super().get_context_data(year=year, groups=groups, count=len(cases), **kwargs)
