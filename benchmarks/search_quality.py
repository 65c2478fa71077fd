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
    misses = [row["q"] for row in report["rows"] if None in row["ranks"]]
    print(
        f"{connection.vendor:<10} queries={len(report['rows'])} recall@10={report['recall_at_10']:.3f} "
        f"MRR={report['mrr']:.3f} missed={misses}"
    )


if __name__ == "__main__":
    sys.exit(main())
