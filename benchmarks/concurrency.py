"""`make bench-concurrency`: requests that arrive at the same moment lose nothing and never fail.

Starts gunicorn (4 workers × 4 threads) on a scratch database (SQLite file, or PostgreSQL with
--database-url) holding the demo plan, and releases each round's POSTs together:
- 20 people reply to one topic: 21 posts numbered 1–21, reply count 20, the category's counters right;
- one person double-clicks (10 identical POSTs each) "like", "bookmark" and "watch": no error, and each ends
  on, counted once;
- two moderators review one submitted KPI report: one review is recorded, the other is told it is done;
- one person sends 15 replies with a limit of 6 a minute: exactly 6 get through, the rest are refused.
Prints the counts; exits 1 if any is off.
"""

import argparse
import os
import secrets
import shutil
import subprocess
import sys
import threading
import urllib.parse
import urllib.request

from benchmarks import run

REPLIERS = 20
CLICKS = 10
BURST, LIMIT = 15, 6


def prepare(env):
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=run.ROOT, env=env, check=True)
    subprocess.run(
        [sys.executable, "manage.py", "load_demo"],
        cwd=run.ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from forums.models import Category
    from forums.services import topic_create
    from monitoring.models import KpiReport, ReportStatus

    people = [
        get_user_model().objects.create_user(f"racer{n}-{secrets.token_hex(3)}") for n in range(REPLIERS)
    ]
    category = Category.objects.create(name="การทดสอบพร้อมกัน")
    opened = topic_create(author=people[0], category=category, title="ตอบพร้อมกัน", body="เริ่มหัวข้อ")
    reviewers = [
        get_user_model().objects.create_superuser(f"reviewer{n}-{secrets.token_hex(3)}") for n in (1, 2)
    ]
    report = KpiReport.objects.filter(status=ReportStatus.SUBMITTED).first()
    return {
        "topic": opened,
        "people": people,
        "sessions": [session_for(user) for user in people],
        "reviewers": [session_for(user) for user in reviewers],
        "report": report,
    }


def session_for(user):
    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session.update(
        {
            "_auth_user_id": str(user.pk),
            "_auth_user_backend": settings.AUTHENTICATION_BACKENDS[-1],
            "_auth_user_hash": user.get_session_auth_hash(),
        }
    )
    session.create()
    return session.session_key


def post(base, path, session_key, fields):
    """POST a form as the session's user; the status code (redirects not followed)."""
    token = secrets.token_hex(16)  # a CSRF secret we choose: cookie and form field agree
    data = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token}).encode()
    request = urllib.request.Request(f"{base}{path}", data=data, method="POST")
    request.add_header("Cookie", f"sessionid={session_key}; csrftoken={token}")
    request.add_header("Referer", base)
    try:
        return urllib.request.build_opener(NoRedirect).open(request, timeout=60).status
    except urllib.error.HTTPError as error:
        return error.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def at_once(base, requests):
    """Send every (path, session, fields) at the same moment; their statuses, in order."""
    barrier, statuses = threading.Barrier(len(requests)), [None] * len(requests)

    def send(n, path, session_key, fields):
        barrier.wait()
        statuses[n] = post(base, path, session_key, fields)

    threads = [threading.Thread(target=send, args=(n, *request)) for n, request in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def rounds(base, scene):
    """Each round: (name, statuses, counts, whether they are right)."""
    from forums.models import Bookmark, Post, Reaction, Topic, Watch
    from monitoring.models import ReportEvent, ReportStatus

    topic, sessions = scene["topic"], scene["sessions"]
    t = f"/forums/t/{topic.pk}"
    statuses = at_once(
        base, [(f"{t}/reply/", key, {"body": f"ตอบพร้อมกันคนที่ {n}"}) for n, key in enumerate(sessions)]
    )
    topic.refresh_from_db()
    topic.category.refresh_from_db()
    numbers = sorted(Post.objects.filter(topic=topic).values_list("number", flat=True))
    yield (
        f"{REPLIERS} replies at once",
        statuses,
        f"posts {len(numbers)} numbered {numbers[0]}–{numbers[-1]}; topic replies {topic.reply_count}; "
        f"category posts {topic.category.post_count}",
        numbers == list(range(1, REPLIERS + 2))
        and topic.reply_count == REPLIERS
        and topic.category.post_count == REPLIERS + 1
        and set(statuses) == {302},
    )

    clicker, first = sessions[1], Post.objects.get(topic=topic, number=1)
    clicks = [f"/forums/p/{first.pk}/react/like/", f"{t}/bookmark/", f"/forums/watch/topic/{topic.pk}/"]
    statuses = at_once(base, [(path, clicker, {"shown": "false"}) for path in clicks for _ in range(CLICKS)])
    user = scene["people"][1]
    likes = Post.objects.get(pk=first.pk).like_count
    state = (
        Reaction.objects.filter(post=first, user=user, kind="like").count(),
        Bookmark.objects.filter(topic=topic, user=user).count(),
        Watch.objects.filter(topic=topic, user=user).count(),
    )
    yield (
        f"{CLICKS} identical clicks each on like, bookmark, watch",
        statuses,
        f"reaction/bookmark/watch rows {state}; like count {likes}",
        state == (1, 1, 1) and likes == 1 and set(statuses) == {302},
    )

    report = scene["report"]
    path = f"/monitoring/review/{report.pk}/"
    statuses = at_once(
        base, [(path, key, {"decision": "approve", "comment": ""}) for key in scene["reviewers"]]
    )
    report.refresh_from_db()
    reviews = ReportEvent.objects.filter(report=report, status=ReportStatus.APPROVED).count()
    yield (
        "two moderators review one report",
        statuses,
        f"reviews recorded {reviews}; status {report.status}",
        reviews == 1
        and report.status == ReportStatus.APPROVED
        and statuses.count(302) == 1
        and max(statuses) < 500,
    )

    poster, before = sessions[2], Topic.objects.get(pk=topic.pk).reply_count
    statuses = at_once(base, [(f"{t}/reply/", poster, {"body": f"ถี่เกินไป {n}"}) for n in range(BURST)])
    sent = Topic.objects.get(pk=topic.pk).reply_count - before
    already = 1  # this person replied once in the first round, within the same minute
    yield (
        f"{BURST} replies at once by one person (limit {LIMIT} a minute)",
        statuses,
        f"replies accepted {sent} (+{already} earlier)",
        sent == LIMIT - already and statuses.count(302) == sent and set(statuses) <= {302, 400},
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="", help="PostgreSQL URL; a scratch SQLite file otherwise")
    parser.add_argument("--port", type=int, default=8767)
    args = parser.parse_args()
    var = run.ROOT / "var" / "bench-concurrency"
    shutil.rmtree(var, ignore_errors=True)
    var.mkdir(parents=True)
    env = {
        **os.environ,
        "VAR_DIR": str(var),
        "FORUM_HOLD_FIRST_POST": "0",
        "FORUM_POSTS_PER_MINUTE": str(LIMIT),
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "TASKS_BACKEND": "immediate",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    os.environ.update(env)
    scene = prepare(env)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{args.port}", "-w", "4"]
        + ["--threads", "4", "--log-level", "warning"],
        cwd=run.ROOT,
        env=env,
        start_new_session=True,
    )
    from django.db import connection

    failed = 0
    try:
        run.wait_for(f"http://127.0.0.1:{args.port}/healthz?parts=database", server)
        for name, statuses, counts, ok in rounds(f"http://127.0.0.1:{args.port}", scene):
            verdict = "ok" if ok else "WRONG"
            print(f"{connection.vendor}: {name}: answered {sorted(set(statuses))}; {counts}; {verdict}")
            failed += not ok
    finally:
        run.stop_server(server)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
