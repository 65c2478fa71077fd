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
    run.report("As anonymous visitors get them (page cache on):", cached, targets=targets, max_p99=MAX_P99)
    run.report("Rendered on every request (page cache off):", uncached, queries=run.query_counts(pages))


if __name__ == "__main__":
    main()
