"""Thai lines that break between words, in every browser.

Thai has no spaces between words, so a browser breaks lines with its own dictionary (ICU's, in Chromium),
which lacks many words the plan uses all the time: at 320 px the demo showed "ตัวชี้ / วัด", "จัด / ทำ",
"บูรณา / การ", "ผู้รับผิด / ชอบ". `mark_word_breaks` turns the browser's own breaking off inside each Thai
text (a `.words` span, `white-space: nowrap`) and puts a `<wbr>` at every word boundary that newmm finds with
PyThaiNLP's whole-word list, and after every space: lines then break there and nowhere else.

The search dictionary is not used here: it splits compounds on purpose ("ผู้รับ | ผิด | ชอบ") so that a
query finds a word inside one, which is right for matching and wrong for line ends.
"""

import re
from functools import lru_cache
from html import escape, unescape
from itertools import pairwise

import nlpo3

from .analysis import DICTIONARY_DIR, pieces

THAI = re.compile(r"[\u0E00-\u0E7F]")
# Elements whose text is left alone: code, form controls, SVG (a span is not allowed in it), the title.
UNTOUCHED = re.compile(
    r"<!--.*?-->|<(script|style|pre|code|textarea|select|svg|title)\b.*?</\1\s*>|<[^>]*>", re.S | re.I
)
# Personal markers (knowledge.personal) are filled in later by exact match: never split one.
MARKER = re.compile("(\ue000[^\ue001]*\ue001)")
NO_BREAK_BEFORE = frozenset(".,;:!?%)]}ฯๆ")  # a line never starts with these
NO_BREAK_AFTER = frozenset("([{.")  # "." inside an abbreviation: "พ.ศ."
QUOTES = frozenset("\"'“”‘’")  # opening after a space, else closing
LONGEST_UNBROKEN = 16  # characters: a longer word (a whole agency name) breaks between its parts too


def mark_word_breaks(html):
    """`html` with each Thai text wrapped to break only between words (see the module)."""
    out, at = [], 0
    for element in UNTOUCHED.finditer(html):
        out += [text_with_breaks(html[at : element.start()]), element.group()]
        at = element.end()
    out.append(text_with_breaks(html[at:]))
    return "".join(out)


@lru_cache(maxsize=20_000)
def text_with_breaks(text):
    """A text node (HTML-escaped) with its breaks; one without Thai is returned as it is. Titles and
    labels recur on every page, so each distinct text is segmented once per process."""
    if not THAI.search(text):
        return text
    runs = MARKER.split(text)  # odd places hold the markers
    marked = "".join(part if index % 2 else break_between_words(part) for index, part in enumerate(runs))
    return f'<span class="words">{marked}</span>'


def break_between_words(text):
    """Escaped text in, escaped text out: the words are found in the text as read."""
    plain = unescape(text)
    points = break_points(plain)
    return "<wbr>".join(escape(plain[start:end]) for start, end in pairwise([0, *points, len(plain)]))


def break_points(text):
    """The offsets in `text` where a line may end: after a space, and where Thai meets a word, but not
    before closing punctuation or after opening."""
    words = [part for word in pieces(text, dictionary()) for part in parts(word)]
    points, at = [], 0
    for before, word in pairwise(["", *words]):
        if may_break(before, word):
            points.append(at)
        at += len(word)
    return points


def may_break(before, word):
    if not before or word.isspace() or word[0] in NO_BREAK_BEFORE or before[-1] in NO_BREAK_AFTER | QUOTES:
        return False
    if word[0] in QUOTES:
        return before.isspace()
    return before.isspace() or bool(THAI.search(before[-1] + word[0]))


def parts(word):
    if len(word) <= LONGEST_UNBROKEN or not THAI.match(word):
        return [word]
    return pieces(word, dictionary("words_th_icu.txt"))


@lru_cache
def dictionary(file="words_th_line_breaks.txt"):
    """Whole words by default; ICU's fine-grained list (the search one, without the ministry's terms) for
    the parts of a long word."""
    name = f"moe-line-breaks-{file}"
    nlpo3.load_dict(str(DICTIONARY_DIR / file), name)
    return name
