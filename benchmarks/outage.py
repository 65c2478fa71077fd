"""`make bench-outage`: the site while its Redis dies and comes back, under the mixed load.

gunicorn (2 workers) uses a Redis of its own (port 6390, started here) as its cache. wrk sends the mix of
benchmarks/mixed.py (two thirds signed in) while members write once a second, in three phases: Redis up,
Redis shut down, Redis started again. For each phase it prints requests/s, p99, answers that were errors,
and the writes made and failed. Target: no error and no failed write in any phase.
"""

import argparse
import os
import subprocess
import sys
import time
import urllib.request

from benchmarks import mixed, run

REDIS_PORT = 6390


def redis(command):
    subprocess.run(command, check=True, capture_output=True)


def start_redis():
    redis(
        ["redis-server", "--port", str(REDIS_PORT), "--save", "", "--appendonly", "no", "--daemonize", "yes"]
    )
    time.sleep(0.5)


def stop_redis():
    redis(["redis-cli", "-p", str(REDIS_PORT), "shutdown", "nosave"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration of each phase")
    parser.add_argument("--port", type=int, default=8780)
    args = parser.parse_args()
    os.environ["REDIS_URL"] = f"redis://127.0.0.1:{REDIS_PORT}/0"
    urllib.request.install_opener(urllib.request.build_opener(mixed.NoRedirect))
    start_redis()
    pages, readers, writers, topics = mixed.prepare()
    site = run.start_server(args.port, 0)
    base = f"http://127.0.0.1:{args.port}"
    writer = mixed.Writer(base, writers, topics)
    script = mixed.mix_script(pages, readers)
    phases = {"Redis up": None, "Redis down": stop_redis, "Redis back": start_redis}
    print(
        f"mix of {len(pages)} pages, 2/3 signed in, no page cache, a write a second, {args.seconds} s a phase"
    )
    print(f"{'phase':<12}{'req/s':>8}{'p99 ms':>8}{'errors':>8}{'writes':>8}{'failed':>8}")
    failures = 0
    try:
        writer.start()
        for name, change in phases.items():
            if change:
                change()
            done, failed = writer.done, writer.failed
            rps, _, p99, _ = result = run.wrk(
                base + "/", args.seconds, server=site, script=script, errors_allowed=True
            )
            writes, lost = writer.done - done, writer.failed - failed
            failures += result.errors + lost
            print(f"{name:<12}{rps:>8.0f}{p99:>8.1f}{result.errors:>8}{writes:>8}{lost:>8}")
    finally:
        writer.running = False
        run.stop_server(site)
        subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "shutdown", "nosave"], capture_output=True)
    print("target: no error and no failed write in any phase:", "ok" if not failures else "MISSED")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
