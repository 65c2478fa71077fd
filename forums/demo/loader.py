"""Demo content of the exchange: categories per strategy, the clinic, a restricted room, 30 topics.

Written through forums.services, as users would, so counters, notifications and the search index are
what they would be. Idempotent: a topic whose title exists is left alone.
"""

import json
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from knowledge.models import Agency, Indicator, ProjectPage, StrategyPage

from .. import services
from ..models import CaseStudy, Category, Notification, Post, Topic

DATA_FILE = Path(__file__).with_name("forum.json")


class ForumDemoLoader:
    def __init__(self, data=None):
        self.data = data or json.loads(DATA_FILE.read_text(encoding="utf-8"))
        self.created = {}
        self.users = {user.username: user for user in get_user_model().objects.all()}

    def count(self, kind):
        self.created[kind] = self.created.get(kind, 0) + 1

    @transaction.atomic
    @override_settings(FORUM_HOLD_FIRST_POST=False)  # demo authors are trusted; nothing waits for approval
    def load(self):
        categories = {
            row["key"]: self.load_category(index, row) for index, row in enumerate(self.data["categories"])
        }
        now = timezone.now()
        for row in self.data["topics"]:
            if not Topic.objects.filter(title=row["title"]).exists():
                self.load_topic(categories[row["category"]], row, now)
        # The demo's notifications fill the bell; nobody is e-mailed about the past.
        Notification.objects.filter(emailed_at=None).update(emailed_at=now)
        return self

    def load_category(self, index, row):
        category = Category.objects.filter(name=row["name"]).first()
        if category:
            return category
        category = Category.objects.create(
            name=row["name"],
            description=row["description"],
            sort_order=index,
            strategy=StrategyPage.objects.filter(code=row.get("strategy")).first(),
            project=ProjectPage.objects.filter(code=row.get("project")).first(),
            is_clinic=row.get("clinic", False),
            access=row.get("access", "public"),
        )
        category.groups.set(Group.objects.filter(name__in=row.get("groups", [])))
        category.agencies.set(Agency.objects.filter(code__in=row.get("agencies", [])))
        self.count("forum category")
        return category

    def load_topic(self, category, row, now):
        start = now - timedelta(days=row["days_ago"], hours=3)
        case = row.get("case")
        topic = services.topic_create(
            author=self.users[row["author"]],
            category=category,
            kind=row["kind"],
            title=row["title"],
            body=row["body"],
            projects=ProjectPage.objects.filter(code__in=row["projects"]),
            tags=row["tags"],
            case=self.case_fields(case) if case else None,
            indicators=Indicator.objects.filter(code__in=case["indicators"]) if case else (),
            assignee=self.users.get(row.get("assignee")),
            now=start,
        )
        self.count("forum topic")
        posts = [
            services.post_create(
                topic=topic, author=self.users[author], body=body, now=start + timedelta(hours=5 * (i + 1))
            )
            for i, (author, body) in enumerate(row["replies"])
        ]
        if "accepted" in row:
            services.post_accept(post=posts[row["accepted"]], user=topic.author)
        if row.get("endorsed"):
            self.endorse(topic, start + timedelta(days=14))
        for code, username, note in row.get("adopted_by", []):
            services.case_adopt(
                case=topic.case, user=self.users[username], agency=Agency.objects.get(code=code), note=note
            )
        Post.objects.filter(topic=topic).update(like_count=len(posts) % 4, useful_count=(len(posts) + 1) % 3)

    def case_fields(self, case):
        fields = {key: value for key, value in case.items() if key not in ("agency", "indicators")}
        return {**fields, "agency": Agency.objects.get(code=case["agency"])}

    def endorse(self, topic, when):
        services.case_endorse(case=topic.case, moderator=self.users["moderator"])
        CaseStudy.objects.filter(pk=topic.pk).update(endorsed_at=min(when, timezone.now()))
