"""The text of a StreamField as lines, and a readable difference between two editions' lines."""

import difflib
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail import blocks

# A Thai base character with the vowel and tone marks stacked on it: differences are shown per
# cluster, so a changed tone mark never floats away from its consonant.
CLUSTER = re.compile(r".[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]*", re.S)
TEXT_BLOCKS = "p, li, h2, h3, h4, blockquote"


def stream_lines(stream):
    return [line for child in stream for line in block_lines(child.block, child.value)]


def block_lines(block, value):
    """Readable lines of one block's value: headings, paragraphs, list items, table rows."""
    if value is None:
        return []
    if isinstance(block, blocks.RichTextBlock):
        return html_lines(value.source)
    if isinstance(block, blocks.StreamBlock):
        return stream_lines(value)
    if isinstance(block, blocks.StructBlock):
        return [
            line for name, child in block.child_blocks.items() for line in block_lines(child, value[name])
        ]
    if isinstance(block, blocks.ListBlock):
        return [line for item in value for line in block_lines(block.child_block, item)]
    if isinstance(block, blocks.ChoiceBlock):
        return []  # presentation choices (heading level, callout kind) are not text
    if isinstance(value, dict) and "data" in value:  # TableBlock
        return [" | ".join(cell or "" for cell in row) for row in value["data"] if any(row)]
    return [text.strip() for text in block.get_searchable_content(value) if str(text).strip()]


def html_lines(html):
    soup = BeautifulSoup(html, "html.parser")
    parts = soup.select(TEXT_BLOCKS) or [soup]
    return [" ".join(part.get_text(" ").split()) for part in parts if part.get_text().strip()]


@dataclass
class DiffLine:
    change: str  # "same", "added", "removed" or "changed"
    html: str


def diff_lines(old, new):
    """Line-by-line differences; a changed line shows what was deleted and inserted inside it."""
    rows = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = old[i1:i2], new[j1:j2]
        if tag == "equal":
            rows += [DiffLine("same", escape(line)) for line in before]
            continue
        for a, b in zip(before, after, strict=False):
            rows.append(DiffLine("changed", inline_diff(a, b)))
        rows += [DiffLine("removed", escape(line)) for line in before[len(after) :]]
        rows += [DiffLine("added", escape(line)) for line in after[len(before) :]]
    return rows


def inline_diff(old, new):
    a, b = CLUSTER.findall(old), CLUSTER.findall(new)
    html = []
    for tag, i1, i2, j1, j2 in coalesce(difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()):
        if tag in ("delete", "replace"):
            html.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if tag in ("insert", "replace"):
            html.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
        if tag == "equal":
            html.append(escape("".join(a[i1:i2])))
    return mark_safe("".join(html))  # noqa: S308 - every piece above is escaped


def coalesce(opcodes, shortest_kept=3):
    """Fold short unchanged runs between two changes into one change: a rewritten phrase then reads
    as one deletion and one insertion instead of interleaved letters."""
    merged = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        short_gap = tag == "equal" and i2 - i1 < shortest_kept and index < len(opcodes) - 1
        if merged and merged[-1][0] != "equal" and (tag != "equal" or short_gap):
            merged[-1] = ("replace", merged[-1][1], i2, merged[-1][3], j2)
        else:
            merged.append((tag, i1, i2, j1, j2))
    return merged
