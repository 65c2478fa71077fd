"""`make bench-mixed`: the site under the traffic it gets, beside a bare Django view in the same run.

gunicorn with 2 workers and the cache production uses (the file cache, or Redis with REDIS_URL: the
Makefile runs both) serves a scratch copy of the demo database. wrk at 4 connections sends a mix of
anonymous readers (a third) and signed-in staff (two thirds) over the home page, project hubs, manuals, a
standard, the exchange and search, while members write once a second (a reply, then a reaction, in
turn). It prints the mix's throughput and p99, then each page's under the same writes, as ratios to a
bare Django view served by its own gunicorn (no product middleware). Target: the mix at least 0.15 of the
bare view, p99 under 250 ms.
"""

import argparse
import os
import random
import re
import shutil
import string
import sys
import threading
import time
import urllib.parse
import urllib.request

from benchmarks import run

TARGET, MAX_P99 = 0.15, 250
SCRATCH = run.ROOT / "var" / "bench-mixed"
MEMBERS = 8  # writers, so that a reply every two seconds stays within each one's posting limit
PAGES = {
    "home": "/",
    "project hub": "/plan/s1/s1-p1/",
    "other hub": "/plan/s3/s3-p2/",
    "manual": "/plan/s3/s3-p2/clinic-manual-e2/",
    "standard": "/plan/s2/s2-p3/ea-standard-e1/",
    "forum index": "/forums/",
    "search": "/search/?q=" + urllib.parse.quote("คู่มือ"),
}
LUA = """
local entries = {%s}
request = function()
  local entry = entries[math.random(#entries)]
  local headers = {}
  if entry[2] ~= "" then headers["Cookie"] = entry[2] end
  return wrk.format("GET", entry[1], headers)
end
"""


def prepare():
    """A scratch copy of the demo database, with members who write (their sessions as cookies)."""
    shutil.rmtree(SCRATCH, ignore_errors=True)
    SCRATCH.mkdir(parents=True)
    shutil.copy(run.ROOT / "var" / "db.sqlite3", SCRATCH / "db.sqlite3")
    for shared in ("static", "media"):  # read only
        if (run.ROOT / "var" / shared).exists():
            (SCRATCH / shared).symlink_to(run.ROOT / "var" / shared)
    os.environ["VAR_DIR"] = str(SCRATCH)
    os.environ["FORUM_HOLD_FIRST_POST"] = "0"  # the writers are established members
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from benchmarks.forum import member_cookie
    from forums.models import Category, Topic, TopicStatus

    staff = Group.objects.get(name="บุคลากร")
    writers = []
    for number in range(MEMBERS):
        user = get_user_model().objects.create_user(f"bench-writer-{number}", password=None)
        user.groups.add(staff)
        writers.append(member_cookie(user.username))
    category = Category.objects.filter(access="public").order_by("-topic_count").first()
    open_topics = Topic.objects.filter(
        category=category, status=TopicStatus.PUBLISHED, is_locked=False, is_closed=False
    )
    topics = list(open_topics.order_by("-reply_count")[:3])
    pages = PAGES | {"category": category.get_absolute_url(), "topic": topics[0].get_absolute_url()}
    topics = [(topic.pk, topic.posts.order_by("number").first().pk) for topic in topics]
    readers = [member_cookie("staff"), member_cookie("team"), member_cookie("moderator")]
    return pages, readers, writers, topics


class Writer(threading.Thread):
    """One write a second from signed-in members: a reply, then a reaction to the topic's first post."""

    def __init__(self, base, writers, topics):
        super().__init__(daemon=True)
        self.base, self.writers, self.topics = base, writers, topics
        self.running, self.done, self.failed, self.errors = True, 0, 0, set()

    def run(self):
        turn = 0
        while self.running:
            started = time.monotonic()
            cookie = self.writers[(turn // 2) % len(self.writers)]  # each member writes every 16 s
            topic, first_post = self.topics[turn % len(self.topics)]
            if turn % 2:
                self.post(f"/forums/p/{first_post}/react/like/", {}, cookie)
            else:
                self.post(f"/forums/t/{topic}/reply/", {"body": f"คำตอบระหว่างวัดผล {turn}"}, cookie)
            turn += 1
            time.sleep(max(0.0, 1 - (time.monotonic() - started)))

    def post(self, path, fields, cookie):
        token = "".join(random.choices(string.ascii_letters + string.digits, k=32))  # noqa: S311
        data = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(self.base + path, data=data)
        request.add_header("Cookie", f"{cookie}; csrftoken={token}")
        try:
            with urllib.request.urlopen(request, timeout=10):
                self.done += 1
        except urllib.error.HTTPError as error:
            if error.code in (301, 302):
                self.done += 1
            else:
                self.failed += 1
                page = error.read().decode()
                found = re.search(r'class="[^"]*(?:errorlist|alert)[^"]*".{0,400}', page, re.DOTALL)
                self.errors.add(f"{path} {error.code} {found[0] if found else page[:200]}")
        except OSError:
            self.failed += 1


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def mix_script(pages, readers):
    """Two thirds signed in (a staff member, a project team member), a third anonymous."""
    entries = [(path, cookie) for path in pages.values() for cookie in (*readers[:2], "")]
    script = SCRATCH / "mix.lua"
    rows = ", ".join(f'{{"{path}", "{cookie}"}}' for path, cookie in entries)
    script.write_text(LUA % rows)
    return script


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20, help="wrk duration of the mix")
    parser.add_argument("--page-seconds", type=int, default=4, help="wrk duration of each page")
    parser.add_argument("--port", type=int, default=8770)
    args = parser.parse_args()
    urllib.request.install_opener(urllib.request.build_opener(NoRedirect))
    pages, readers, writers, topics = prepare()
    print(f"cache: {'Redis' if os.environ.get('REDIS_URL') else 'file'}; writes: 1/s from {MEMBERS} members")
    bare = run.start_server(args.port + 1, 0, settings="benchmarks.bare_settings")
    try:
        site = run.start_server(args.port, int(os.environ.get("PAGE_CACHE_SECONDS", "600")))
    except SystemExit:
        run.stop_server(bare)  # not left holding its port for the next run
        raise
    base = f"http://127.0.0.1:{args.port}"
    writer = Writer(base, writers, topics)
    try:
        results = {
            "bare view": run.wrk(f"http://127.0.0.1:{args.port + 1}/bench/bare/", args.seconds, server=bare)
        }
        writer.start()
        results["mix (2/3 signed in)"] = run.wrk(
            base + "/", args.seconds, server=site, script=mix_script(pages, readers)
        )
        for name, path in pages.items():
            results[f"{name}, signed in"] = run.wrk(base + path, args.page_seconds, readers[0], site)
            results[f"{name}, anonymous"] = run.wrk(base + path, args.page_seconds, None, site)
    finally:
        writer.running = False
        run.stop_server(site)
        run.stop_server(bare)
    targets = {"mix (2/3 signed in)": TARGET}
    run.report("Mixed load at 4 connections, one write a second:", results, targets=targets, max_p99=MAX_P99)
    print(f"writes: {writer.done} made, {writer.failed} failed")
    for error in sorted(writer.errors)[:3]:
        print("  ", re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", error))[:300])
    if writer.failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
