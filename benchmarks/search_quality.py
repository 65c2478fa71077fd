"""`make bench-search`: recall@10 and MRR of the Thai query set (search/quality/queries.json) on the
database this process is configured for; the Makefile runs it on SQLite and on PostgreSQL."""

import os
import sys

import django


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    django.setup()
    from django.db import connection

    from search.indexing import rebuild
    from search.quality import evaluate

    rebuild()
    report = evaluate()
    print(f"{connection.vendor}: recall@10 and MRR per kind of query (targets: 0.95 / 0.8 overall, 0.9 each)")
    print(f"  {'kind':<10} {'queries':>7} {'recall@10':>9} {'MRR':>6}")
    for kind, measured in [*report["kinds"].items(), ("overall", report)]:
        print(
            f"  {kind:<10} {measured['queries']:>7} {measured['recall_at_10']:>9.3f} {measured['mrr']:>6.3f}"
        )
    misses = [row["q"] for row in report["rows"] if None in row["ranks"]]
    late = [
        (row["q"], row["ranks"])
        for row in report["rows"]
        if None not in row["ranks"] and max(row["ranks"]) > 1
    ]
    print(f"  missed: {misses}")
    print(f"  found below the first place: {late}")


if __name__ == "__main__":
    sys.exit(main())
