"""Template helpers for Thai readers: Buddhist-Era dates, baht, fiscal years, the language switch."""

import re
from decimal import Decimal

from django import template
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language

from .. import dependencies, thaidate
from ..models import InfoPage
from ..models.plan import current_plan, live_plans

register = template.Library()
THAI_LETTER = re.compile("[\u0e01-\u0e4e]")


@register.filter
def be_date(value, style="short"):
    """{{ page.date|be_date }} → '25 พ.ย. 2569'; {{ page.date|be_date:"long" }} → '25 พฤศจิกายน 2569'."""
    return thaidate.format_date(value, style)


@register.filter
def be_datetime(value):
    """'25 พ.ย. 2569 14:05' in local time."""
    if value is None:
        return ""
    return f"{thaidate.format_date(value)} {timezone.localtime(value):%H:%M}"


@register.filter
def iso_datetime(value):
    """A machine-readable local time for <time datetime>, to the second (HTML allows no microseconds)."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


@register.filter
def baht(value):
    """1234567.5 → '1,234,568' (whole baht, grouped)."""
    if value in (None, ""):
        return "–"
    return number_format(Decimal(value).quantize(Decimal(1)), decimal_pos=0, force_grouping=True)


@register.filter
def number(value):
    """A measured value without needless decimals: 82.00 → '82', 12.50 → '12.5'."""
    if value in (None, ""):
        return "–"
    value = Decimal(value).normalize()
    places = max(-value.as_tuple().exponent, 0)
    return number_format(value, decimal_pos=places, force_grouping=True)


@register.filter
def percent(value):
    return "–" if value is None else f"{number(round(Decimal(value), 1))}%"


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(page):
    """Home → … → parent links for a page (one query per page type on the way)."""
    return {"crumbs": page.get_ancestors().filter(depth__gt=1).specific(), "page": page}


@register.filter
def text_lang(text):
    """ "th" for text with Thai letters, else "en": the lang of content, whatever the UI's language, so a
    screen reader reads a Thai post with a Thai voice in the English UI."""
    return "th" if THAI_LETTER.search(text or "") else "en"


@register.simple_tag
def current_plan_url():
    """The address of the plan running this fiscal year, for the header: plans follow one another, and
    each keeps its own address (/plan/ is the first plan's)."""

    plan = current_plan(live_plans())
    return plan.url if plan else "/"


@register.simple_tag
def info_pages():
    """The site information pages (privacy, accessibility, contact) for the footer: (address, title)."""

    def listed():
        pages = InfoPage.objects.live().public().order_by("path")
        return [(page.url, page.display_title) for page in pages]

    return dependencies.cached(f"info-pages:{get_language()}", listed, 3600, ["kind:infopage"])
