"""`make bench-concurrency`: 20 people reply to one topic at the same moment; no post or count is lost.

Starts gunicorn (4 workers × 4 threads) on a scratch database (SQLite file, or PostgreSQL with
--database-url), signs in 20 users, releases their 20 POSTs together, then checks the topic: 21 posts
numbered 1–21, reply count 20, and the category's counters. Prints the counts; exits 1 if any is off.
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

USERS = 20


def prepare(env):
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=run.ROOT, env=env, check=True)
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    from forums.models import Category
    from forums.services import topic_create

    people = [get_user_model().objects.create_user(f"racer{n}-{secrets.token_hex(3)}") for n in range(USERS)]
    category = Category.objects.create(name="การทดสอบพร้อมกัน")
    opened = topic_create(author=people[0], category=category, title="ตอบพร้อมกัน", body="เริ่มหัวข้อ")
    sessions = []
    for user in people:
        session = SessionStore()
        session.update(
            {
                "_auth_user_id": str(user.pk),
                "_auth_user_backend": settings.AUTHENTICATION_BACKENDS[0],
                "_auth_user_hash": user.get_session_auth_hash(),
            }
        )
        session.create()
        sessions.append(session.session_key)
    return opened, sessions


def reply(base, topic_id, session_key, n, barrier, statuses):
    token = secrets.token_hex(16)  # a CSRF secret we choose: cookie and form field agree
    data = urllib.parse.urlencode({"body": f"ตอบพร้อมกันคนที่ {n}", "csrfmiddlewaretoken": token}).encode()
    request = urllib.request.Request(f"{base}/forums/t/{topic_id}/reply/", data=data, method="POST")
    request.add_header("Cookie", f"sessionid={session_key}; csrftoken={token}")
    request.add_header("Referer", base)
    opener = urllib.request.build_opener(NoRedirect)
    barrier.wait()
    try:
        statuses[n] = opener.open(request, timeout=60).status
    except urllib.error.HTTPError as error:
        statuses[n] = error.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


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
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "TASKS_BACKEND": "immediate",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    os.environ.update(env)
    opened, sessions = prepare(env)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-b",
            f"127.0.0.1:{args.port}",
            "-w",
            "4",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        cwd=run.ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        run.wait_for(f"http://127.0.0.1:{args.port}/healthz", server)
        barrier, statuses = threading.Barrier(USERS), {}
        threads = [
            threading.Thread(
                target=reply, args=(f"http://127.0.0.1:{args.port}", opened.pk, key, n, barrier, statuses)
            )
            for n, key in enumerate(sessions)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        run.stop_server(server)
    return verify(opened, statuses)


def verify(opened, statuses):
    from django.db import connection

    from forums.models import Post

    opened.refresh_from_db()
    opened.category.refresh_from_db()
    numbers = sorted(Post.objects.filter(topic=opened).values_list("number", flat=True))
    vendor = connection.vendor
    print(
        f"{vendor}: {USERS} replies sent at once; answered {sorted(set(statuses.values()))}; "
        f"posts {len(numbers)} numbered {numbers[0]}–{numbers[-1]}; topic replies {opened.reply_count}; "
        f"category posts {opened.category.post_count}"
    )
    ok = (
        numbers == list(range(1, USERS + 2))
        and opened.reply_count == USERS
        and opened.category.post_count == USERS + 1
        and set(statuses.values()) == {302}
    )
    print("no post or count lost" if ok else "LOST UPDATES")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
