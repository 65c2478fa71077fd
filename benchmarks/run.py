"""`make bench`: throughput and latency of chosen pages against a bare Django view, in one run.

Serves the site with gunicorn (2 workers, the cache production uses: Redis with REDIS_URL, else the file
cache) on loopback, loads each page with wrk (4 connections), and prints requests/s, p50, p99, the
workers' CPU time per request and each page's throughput as a ratio of the bare view's. The machine is
shared and noisy, so only the ratios within one run mean anything. Pages are measured four times: as
anonymous visitors get them (page cache on), rendered for anonymous visitors with the page cache off, as
a signed-in staff member gets them (never cached whole), and signed in with every page rendered from
scratch (no shared rendering kept: the first view after a change), its CPU against stock Wagtail's;
with the SQL queries of a render from scratch.

Later issues add their pages to PAGES.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = "/bench/bare/"
PAGES = {
    "home": "/",
    "plan": "/plan/",
    "strategy": "/plan/s1/",
    "project hub": "/plan/s1/s1-p1/",
    "updates": "/updates/",
    "agency": "/agencies/obec/",
    "manual": "/plan/s3/s3-p2/clinic-manual-e2/",
    "manual section": "/plan/s3/s3-p2/clinic-manual-e2/section/1/",
    "standard": "/plan/s2/s2-p3/ea-standard-e1/",
    "M&E dashboard": "/monitoring/?year=2565",
    # Issue 16: the current plan's hub (history across plans), a budget ranking, a feedback form.
    "successor hub": "/plan-2566-2570/p2-s1/p2-s1-p1/",
    "priority ranking": "/priorities/1/",
    "feedback form": "/participation/projects/S1-P1/feedback/",
}
# Issue 13: signed in, every knowledge page at least 0.12 of the bare view, the hub 0.10.
SIGNED_IN_TARGETS = {name: 0.10 if name == "project hub" else 0.12 for name in PAGES} | {
    "M&E dashboard": 0.10
}
TARGETS = {"home": 0.12, "project hub": 0.12, "manual": 0.12, "M&E dashboard": 0.10}
# The plan dashboard must also hold its target when rendered every time (a report was just approved).
UNCACHED_TARGETS = {"M&E dashboard": 0.10}


def start_server(
    port,
    page_cache_seconds,
    settings="benchmarks.settings",
    workers=2,
    ready="/healthz?parts=database",
    renderings_kept=True,
):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "RENDERINGS_KEPT": "1" if renderings_kept else "0",
    }
    clear = "import django; django.setup(); from django.core.cache import cache; cache.clear()"
    subprocess.run([sys.executable, "-c", clear], cwd=ROOT, env=env, check=True)  # each server starts cold
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    wait_for(f"http://127.0.0.1:{port}{ready}", server)
    return server


def wait_for(url, server):
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit("gunicorn did not start")


def stop_server(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def wrk(url, seconds, cookie=None, server=None, script=None, errors_allowed=False):
    """Requests/s, p50 and p99 (ms) from `wrk --latency` (as a signed-in user when given a session cookie),
    and the server's CPU milliseconds per request; answers other than 2xx/3xx stop the run unless
    `errors_allowed` (then counted in the result's `errors`)."""
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    headers += ["-s", str(script)] if script else []
    subprocess.run(["wrk", "-t2", "-c4", "-d1s", *headers, url], capture_output=True, check=True)  # warm-up
    cpu_before = cpu_seconds(server)
    out = subprocess.run(
        ["wrk", "-t2", "-c4", f"-d{seconds}s", "--latency", *headers, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    cpu = cpu_seconds(server) - cpu_before
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors and not errors_allowed:
        raise SystemExit(f"{url} answered errors:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    result = Result(rps, latency(out, "50%"), latency(out, "99%"), 1000 * cpu / max(requests, 1))
    result.errors = int(errors.group(1)) if errors else 0
    return result


class Result(tuple):
    """(req/s, p50 ms, p99 ms, CPU ms per request)"""

    def __new__(cls, rps, p50, p99, cpu_ms):
        return super().__new__(cls, (rps, p50, p99, cpu_ms))


def cpu_seconds(server):
    """User and system CPU time of the server's processes (gunicorn's workers and master)."""
    if server is None:
        return 0.0
    total, tick = 0, os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == server.pid or stat.parent.name == str(server.pid):  # fields[2]: the parent
            total += int(fields[11]) + int(fields[12])
    return total / tick


def latency(out, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", out).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def query_counts(pages=PAGES):
    """SQL queries of one uncached render of each page (after a warm-up request)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection

    settings.PAGE_CACHE_SECONDS = 0  # django.setup() may have run earlier with the cache on
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, counts = Client(HTTP_HOST="127.0.0.1"), {}
    for name, path in pages.items():
        client.get(path)
        cache.clear()  # a full render: no fragment from the warm-up
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        counts[name] = len(captured)
    return counts


def measure(port, page_cache_seconds, seconds, pages=PAGES, cookie=None, peers=None, renderings_kept=True):
    """The bare view (always anonymous) and each page, with the page cache on or off (and every page
    from scratch unless `renderings_kept`); `peers` (name: url) are other servers measured in the same
    round (stock Wagtail)."""
    server = start_server(port, page_cache_seconds, renderings_kept=renderings_kept)
    try:
        base = f"http://127.0.0.1:{port}"
        results = {"bare view": wrk(base + BARE, seconds, server=server)}
        results |= {name: wrk(base + path, seconds, cookie, server) for name, path in pages.items()}
        for name, (url, peer) in (peers or {}).items():
            results[name] = wrk(url, seconds, server=peer)
        return results
    finally:
        stop_server(server)


def report(title, results, *, targets=None, queries=None, max_p99=None, cpu_limit=None):
    """A table of `results`; `cpu_limit` (peer name, factor): each page's CPU per request at most
    factor × the peer's."""
    bare_rps = results["bare view"][0]
    if cpu_limit:
        peer, factor = cpu_limit
        cpu_cap = factor * results[peer][3]
    print(f"\n{title}")
    print(
        f"{'page':<22}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'CPU ms':>8}{'ratio':>7}{'queries':>8}  target"
    )
    for name, (rps, p50, p99, cpu_ms) in results.items():
        target = (targets or {}).get(name)
        verdict = f"≥{target} {'ok' if rps / bare_rps >= target else 'MISSED'}" if target else ""
        if target and max_p99:
            verdict += f", p99<{max_p99} ms {'ok' if p99 < max_p99 else 'MISSED'}"
        if cpu_limit and name in PAGES:
            verdict = f"CPU ≤{cpu_cap:.1f} {'ok' if cpu_ms <= cpu_cap else 'MISSED'}"
        count = "" if queries is None or name not in queries else queries[name]
        ratio = rps / bare_rps
        print(
            f"{name:<22}{rps:>8.0f}{p50:>8.1f}{p99:>8.1f}{cpu_ms:>8.1f}{ratio:>7.3f}{count!s:>8}  {verdict}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8, help="wrk duration per page")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    from benchmarks import stock_wagtail
    from benchmarks.forum import member_cookie

    print(f"cache: {'Redis' if os.environ.get('REDIS_URL') else 'file'}")
    with stock_wagtail.server(args.port + 1) as peers:
        cached = measure(args.port, 600, args.seconds)
        uncached = measure(args.port, 0, args.seconds)
        queries = query_counts()
        staff = measure(args.port, 0, args.seconds, cookie=member_cookie("staff"), peers=peers)
        scratch = measure(
            args.port, 0, args.seconds, cookie=member_cookie("staff"), peers=peers, renderings_kept=False
        )
    report("As anonymous visitors get them (page cache on):", cached, targets=TARGETS)
    report(
        "Anonymous, page cache off (shared renderings on), with SQL queries of a render from scratch:",
        uncached,
        targets=UNCACHED_TARGETS,
        queries=queries,
    )
    report(
        "Signed in as a staff member (page cache off), stock Wagtail 8 in the same round:",
        staff,
        targets=SIGNED_IN_TARGETS,
    )
    report(
        "Signed in, every page rendered from scratch (as after a change), CPU ≤ 2× stock Wagtail's:",
        scratch,
        cpu_limit=("stock Wagtail rich text", 2),
    )


if __name__ == "__main__":
    main()
