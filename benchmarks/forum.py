"""`make bench-forum`: the exchange's busiest pages on a large forum, against a bare Django view.

Builds a scratch database in var/bench-forum/ (demo plan + `forum_generate`: 10,000 topics, 100,000
posts), serves it with gunicorn and loads the forum index, the largest category and the longest topic
(its first page) with wrk at 4 connections, cached (as anonymous visitors get them) and uncached.
Target: each page at least 0.15 of the bare view's throughput, with p99 under 100 ms.
"""

import argparse
import os
import shutil
import subprocess
import sys

from benchmarks import run

TARGET, MAX_P99 = 0.15, 100
VAR_DIR = run.ROOT / "var" / "bench-forum"


def manage(*args):
    env = {**os.environ, "VAR_DIR": str(VAR_DIR), "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    subprocess.run([sys.executable, "manage.py", *args], cwd=run.ROOT, env=env, check=True)


def build(topics, posts):
    if (VAR_DIR / "ready").exists():
        manage("migrate", "-v0")
        manage("collectstatic", "--noinput", "-v0")
        return
    shutil.rmtree(VAR_DIR, ignore_errors=True)
    VAR_DIR.mkdir(parents=True)
    manage("migrate", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    manage("load_demo", "-v0")
    manage("forum_generate", f"--topics={topics}", f"--posts={posts}")
    (VAR_DIR / "ready").touch()


def forum_pages():
    os.environ["VAR_DIR"] = str(VAR_DIR)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()
    from forums.models import Category, Topic

    category = Category.objects.filter(access="public").order_by("-topic_count").first()
    longest = Topic.objects.order_by("-reply_count").first()
    print(
        f"forum: {Topic.objects.count()} topics; category “{category}” has {category.topic_count} topics; "
        f"the topic has {longest.reply_count} replies"
    )
    return {
        "forum index": "/forums/",
        "category": category.get_absolute_url(),
        "topic": longest.get_absolute_url(),
    }


def member_cookie(username="staff"):
    """A session cookie for a signed-in member (pages for members are never cached whole)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    user = get_user_model().objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--topics", type=int, default=10_000)
    parser.add_argument("--posts", type=int, default=100_000)
    args = parser.parse_args()
    build(args.topics, args.posts)
    os.environ["VAR_DIR"] = str(VAR_DIR)
    pages = forum_pages()
    targets = dict.fromkeys(pages, TARGET)
    cached = run.measure(args.port, 600, args.seconds, pages)
    uncached = run.measure(args.port, 0, args.seconds, pages)
    member = run.measure(args.port, 600, args.seconds, pages, cookie=member_cookie())
    run.report("As anonymous visitors get them (page cache on):", cached, targets=targets, max_p99=MAX_P99)
    run.report(
        "Anonymous, page cache off (shared fragments on), SQL queries of a full render:",
        uncached,
        targets=targets,
        max_p99=MAX_P99,
        queries=run.query_counts(pages),
    )
    run.report(
        "As a signed-in member gets them (never cached whole):", member, targets=targets, max_p99=MAX_P99
    )


if __name__ == "__main__":
    main()
