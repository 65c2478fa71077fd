"""`make bench`: throughput and latency of chosen pages against a bare Django view, in one run.

Serves the site with gunicorn (2 workers) on loopback, loads each page with wrk (4 connections), and
prints requests/s, p50, p99 and each page's throughput as a ratio of the bare view's. The machine is
shared and noisy, so only the ratios within one run mean anything. Pages are measured twice: as
anonymous visitors get them (page cache on) and rendered every time (page cache off), together with
the SQL queries one uncached render makes.

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
    "standard": "/plan/s2/s2-p3/ea-standard-e1/",
    "M&E dashboard": "/monitoring/?year=2565",
}
TARGETS = {"home": 0.12, "project hub": 0.12, "manual": 0.12, "M&E dashboard": 0.10}
# The plan dashboard must also hold its target when rendered every time (a report was just approved).
UNCACHED_TARGETS = {"M&E dashboard": 0.10}


def start_server(port, page_cache_seconds):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    wait_for(f"http://127.0.0.1:{port}/healthz", server)
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


def wrk(url, seconds, cookie=None):
    """Requests/s, p50 and p99 (ms) from `wrk --latency` (as a signed-in user when given a session cookie)."""
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    subprocess.run(["wrk", "-t2", "-c4", "-d1s", *headers, url], capture_output=True, check=True)  # warm-up
    out = subprocess.run(
        ["wrk", "-t2", "-c4", f"-d{seconds}s", "--latency", *headers, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"{url} answered errors:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return rps, latency(out, "50%"), latency(out, "99%")


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


def measure(port, page_cache_seconds, seconds, pages=PAGES, cookie=None):
    """The bare view (always anonymous) and each page, with the page cache on or off."""
    server = start_server(port, page_cache_seconds)
    try:
        base = f"http://127.0.0.1:{port}"
        return {"bare view": wrk(base + BARE, seconds)} | {
            name: wrk(base + path, seconds, cookie) for name, path in pages.items()
        }
    finally:
        stop_server(server)


def report(title, results, *, targets=None, queries=None, max_p99=None):
    bare_rps = results["bare view"][0]
    print(f"\n{title}")
    print(f"{'page':<16}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>8}{'queries':>9}  target")
    for name, (rps, p50, p99) in results.items():
        target = (targets or {}).get(name)
        verdict = f"≥{target} {'ok' if rps / bare_rps >= target else 'MISSED'}" if target else ""
        if target and max_p99:
            verdict += f", p99<{max_p99} ms {'ok' if p99 < max_p99 else 'MISSED'}"
        count = "" if queries is None or name not in queries else queries[name]
        print(f"{name:<16}{rps:>9.0f}{p50:>9.1f}{p99:>9.1f}{rps / bare_rps:>8.2f}{count!s:>9}  {verdict}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8, help="wrk duration per page")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    cached = measure(args.port, 600, args.seconds)
    uncached = measure(args.port, 0, args.seconds)
    queries = query_counts()
    report("As anonymous visitors get them (page cache on):", cached, targets=TARGETS)
    report(
        "Rendered on every request (page cache off), with SQL queries per render:",
        uncached,
        targets=UNCACHED_TARGETS,
        queries=queries,
    )


if __name__ == "__main__":
    main()
