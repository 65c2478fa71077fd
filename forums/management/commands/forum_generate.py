"""`manage.py forum_generate`: a large synthetic forum (default 10,000 topics, 100,000 posts) for benchmarks.

Rows are bulk-inserted with their stored counters, bypassing notifications and per-post services; Markdown
is rendered as it would be on save. Run on a scratch database, not on one that people use.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from forums.markdown import render
from forums.models import Category, Post, Topic, TopicKind, TopicProject
from forums.services import refresh_category
from knowledge.apps import analyze_tables
from knowledge.models import ProjectPage

WORDS = (
    "การพัฒนา ระบบราชการ กระทรวงศึกษาธิการ ตัวชี้วัด โครงการ คู่มือ มาตรฐาน ข้อมูล บริการ ประชาชน "
    "ดิจิทัล สถานศึกษา ครู นักเรียน งบประมาณ ไตรมาส รายงาน ผลการดำเนินงาน PMQA e-Service Open Data "
    "ความโปร่งใส เครือข่าย ทักษะ บุคลากร คลินิก คำปรึกษา แนวปฏิบัติ กรณีตัวอย่าง ขยายผล หน่วยงาน"
).split()
CHUNK = 2000


def sentence(rng, words=12):
    return " ".join(rng.choice(WORDS) for _ in range(words))


class Command(BaseCommand):
    help = "Generate a large synthetic forum for benchmarks (bulk inserts; no notifications)."

    def add_arguments(self, parser):
        parser.add_argument("--topics", type=int, default=10_000)
        parser.add_argument("--posts", type=int, default=100_000, help="posts in all, opening posts included")
        parser.add_argument("--seed", type=int, default=2565)

    def handle(self, *args, topics, posts, seed, **options):
        rng = random.Random(seed)
        authors = self.authors()
        categories = list(Category.objects.filter(access="public")) or [Category.objects.create(name="ทั่วไป")]
        projects = list(ProjectPage.objects.live().values_list("pk", flat=True))
        replies = self.reply_counts(rng, topics, posts - topics)
        now = timezone.now()
        for start in range(0, topics, CHUNK):
            with transaction.atomic():
                self.chunk(
                    rng, range(start, min(start + CHUNK, topics)), replies, categories, projects, authors, now
                )
            self.stdout.write(f"{min(start + CHUNK, topics)}/{topics} topics")
        for category in categories:
            refresh_category(category.pk)
        analyze_tables()
        self.stdout.write(self.style.SUCCESS(f"{topics} topics and {posts} posts generated"))

    def authors(self):
        users = get_user_model()
        existing = list(users.objects.filter(username__startswith="bench-"))
        new = [
            users(username=f"bench-{n}", first_name="ผู้ทดสอบ", last_name=str(n))
            for n in range(len(existing), 50)
        ]
        return existing + users.objects.bulk_create(new)

    def reply_counts(self, rng, topics, replies):
        """Replies per topic: most topics get a few, a handful get hundreds (like a real forum)."""
        weights = [rng.paretovariate(1.2) for _ in range(topics)]
        total = sum(weights)
        counts = [int(replies * weight / total) for weight in weights]
        counts[0] += replies - sum(counts)  # the first topic is the long one the benchmark opens
        return counts

    def chunk(self, rng, indexes, replies, categories, projects, authors, now):
        made = Topic.objects.bulk_create(
            Topic(
                category=rng.choice(categories),
                kind=rng.choice([TopicKind.DISCUSSION] * 8 + [TopicKind.QUESTION]),
                title=f"{sentence(rng, 6)} ({index + 1})",
                author=rng.choice(authors),
                created_at=now - timedelta(minutes=index),
                last_post_at=now - timedelta(minutes=index),
                reply_count=replies[index],
                post_count=replies[index] + 1,
                view_count=rng.randrange(500),
            )
            for index in indexes
        )
        TopicProject.objects.bulk_create(
            TopicProject(topic=topic, project_id=rng.choice(projects)) for topic in made if projects
        )
        batch = []
        for topic, index in zip(made, indexes, strict=True):
            for number in range(1, replies[index] + 2):
                body = sentence(rng, rng.randrange(20, 80))
                batch.append(
                    Post(
                        topic=topic,
                        number=number,
                        author=rng.choice(authors),
                        body=body,
                        html=render(body),
                        created_at=topic.created_at,
                    )
                )
                if len(batch) >= CHUNK:
                    Post.objects.bulk_create(batch)
                    batch = []
        Post.objects.bulk_create(batch)
