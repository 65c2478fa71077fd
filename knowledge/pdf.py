"""Server-side PDFs of manuals and standards, printed by headless Chromium.

Chromium shapes Thai with HarfBuzz and, unlike the PDF engines tried (WeasyPrint 70 with Sarabun or TLWG
fonts), writes a text layer that extracts as written: in WeasyPrint's output the glyph of SARA AA,
shared by "า" and the decomposed "ำ", can carry only one Unicode value, so "คำปรึกษา" extracted as
"คำปรึกษำ" and "น้ำ" as "นำ". Chromium also breaks Thai lines at word boundaries (ICU's dictionary).
The Sarabun font is embedded from the project's own files, so nothing is fetched from the internet.
"""

import base64
import shutil
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

# The same subsets and ranges as static/css/fonts.css.
UNICODE_RANGES = {
    "thai": "U+0E01-0E5B, U+200C-200D, U+25CC",
    "latin": "U+0000-00FF, U+2000-206F, U+20AC, U+2122",
}
WEIGHTS = (400, 700)
# Pages are printed as if served from here, so relative /media/ and /static/ URLs reach serve_local_file.
PRINT_ORIGIN = "http://print.invalid/"
# A dead proxy keeps the browser from reaching anything off this machine.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--proxy-server=http://127.0.0.1:9",
]


class PDFUnavailable(RuntimeError):
    """Chromium is not installed on this server."""


def chromium_path():
    path = getattr(settings, "CHROMIUM_PATH", "") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise PDFUnavailable(path)
    return path


@cache
def embedded_fonts():
    """@font-face rules with the font files inlined as data: URIs."""
    rules = []
    for script, unicode_range in UNICODE_RANGES.items():
        for weight in WEIGHTS:
            font = settings.BASE_DIR / "static" / "fonts" / f"sarabun-{script}-{weight}-normal.woff2"
            data = base64.b64encode(font.read_bytes()).decode()
            rules.append(
                f'@font-face {{ font-family: "Sarabun"; font-weight: {weight}; '
                f"unicode-range: {unicode_range}; "
                f'src: url(data:font/woff2;base64,{data}) format("woff2"); }}'
            )
    return "\n".join(rules)


def serve_local_file(route):
    """Give the printing browser images and static files from this server's own storage, nothing else."""
    path = urlsplit(route.request.url).path
    if path.startswith(settings.MEDIA_URL) and default_storage.exists(
        name := path[len(settings.MEDIA_URL) :]
    ):
        with default_storage.open(name) as file:
            return route.fulfill(body=file.read())
    if path.startswith(settings.STATIC_URL) and (found := finders.find(path[len(settings.STATIC_URL) :])):
        return route.fulfill(path=found)
    return route.abort()


def render_pdf(template, context):
    """The PDF bytes of `template` rendered with `context` (A4, page numbers in the footer)."""
    from playwright.sync_api import sync_playwright

    html = render_to_string(
        template, {**context, "embedded_fonts": embedded_fonts(), "base_url": PRINT_ORIGIN}
    )
    footer = render_to_string("knowledge/pdf/footer.html", context)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", serve_local_file)
            page.set_content(html, wait_until="load")
            return page.pdf(
                format="A4",
                margin={"top": "18mm", "bottom": "20mm", "left": "20mm", "right": "18mm"},
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=footer,
                print_background=True,
            )
        finally:
            browser.close()
