"""Stock Wagtail, served beside the site in the same benchmark rounds (see settings.py)."""

import os
import subprocess
import sys
from contextlib import contextmanager

SETTINGS = "benchmarks.stock_wagtail.settings"
PAGE = "/manual/"
# A rich-text page of about the size of a manual edition: the seed plan's first paragraphs.
SEED = """
import django
django.setup()
from pathlib import Path
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Page, Site
from benchmarks.stock_wagtail.models import RichTextPage

call_command("migrate", verbosity=0)
if not RichTextPage.objects.exists():
    text = (Path("../shared/seed/plan-bureaucracy-4.0-moe-2564-2565.txt").read_text()[:12000]).split("\\n")
    body = "".join(f"<p>{escape(line)}</p>" for line in text if line.strip())
    root = Page.get_first_root_node()
    home = root.add_child(instance=Page(title="Home", slug="home-stock"))
    home.add_child(instance=RichTextPage(title="คู่มือ", slug="manual", body=body))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "127.0.0.1"})
"""


@contextmanager
def server(port):
    """{name: (url, server)} of stock Wagtail's rich-text page, served by gunicorn with 2 workers."""
    from benchmarks import run

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS}
    subprocess.run([sys.executable, "-c", SEED], cwd=run.ROOT, env=env, check=True)
    peer = run.start_server(port, 0, settings=SETTINGS, ready=PAGE)
    try:
        yield {"stock Wagtail rich text": (f"http://127.0.0.1:{port}{PAGE}", peer)}
    finally:
        run.stop_server(peer)
