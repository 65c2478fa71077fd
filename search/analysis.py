"""Thai-aware text analysis, the same at index time and at query time.

Text is normalised (NFC, Thai digits to Arabic, lower case, abbreviation dots dropped) and Thai runs are
cut into words by newmm (nlpo3) with a fine-grained dictionary, so a word inside a compound is found:
"กระทรวงศึกษาธิการ" gives กระทรวง | ศึกษาธิการ. Latin words and numbers pass through whole ("4.0",
"pmqa"). Every backend receives these tokens, so they all search the same words.
"""

import hashlib
import logging
import os
import re
import tempfile
import time
import unicodedata
from functools import cache as cache_for_process
from pathlib import Path

import nlpo3

from knowledge import dependencies
from knowledge.thaidate import fold_thai_digits

logger = logging.getLogger(__name__)
DICTIONARY_DIR = Path(__file__).with_name("dictionary")
WORD_FILES = ("words_th_icu.txt", "ministry.txt")
THAI_RUN = re.compile(r"[\u0E00-\u0E7F]+")
PIECE = re.compile(r"[\u0E00-\u0E7F]+|\s+|[^\s\u0E00-\u0E7F]+")
# A token is a Thai run, or Latin letters/digits that may hold inner dots or hyphens ("4.0", "e-service").
TOKEN = re.compile(r"[\u0E00-\u0E7F]+|[0-9a-z]+(?:[.\-][0-9a-z]+)*")
# A dot right after a Thai letter ends an abbreviation ("สพฐ." = "สพฐ", "ก.พ.ร." = "กพร").
ABBREVIATION_DOT = re.compile(r"(?<=[\u0E01-\u0E2E])\.")


def normalize(text):
    text = unicodedata.normalize("NFC", text)
    return ABBREVIATION_DOT.sub("", fold_thai_digits(text)).lower()


# Administrators' terms, synonyms and agencies change the word lists; every process notices within
# VERSION_CHECK_SECONDS (a dependency mark: a lost mark reads as a change now, never as an old version).
TERMS = "search-terms"
VERSION_CHECK_SECONDS = 2.0
_checked = {"at": float("-inf"), "version": 0}


def terms_version():
    """When the word lists last changed, read from the shared cache at most every two seconds: indexing
    asks for every Thai run."""
    now = time.monotonic()
    if now - _checked["at"] > VERSION_CHECK_SECONDS:
        _checked.update(at=now, version=dependencies.marks([TERMS])[TERMS])
    return _checked["version"]


def dictionary_name():
    """The nlpo3 dictionary for the current word lists, loaded once per process and per version, so a
    new term reaches every worker without a deploy."""
    return load_dictionary(terms_version())


@cache_for_process
def load_dictionary(version):
    from .models import SearchTerm

    return install_dictionary([*file_words(), *SearchTerm.objects.values_list("term", flat=True)])


def file_words():
    for name in WORD_FILES:
        yield from (line.strip() for line in (DICTIONARY_DIR / name).read_text(encoding="utf-8").splitlines())


def install_dictionary(words):
    """Give nlpo3 (which reads word lists from a file) these words, under a name of their content. The
    file is written whole, then renamed into place: a process never reads another's half-written file,
    and a name nlpo3 already holds is only ever that content. A failed load raises, so is not cached."""
    content = "\n".join(sorted({normalize(word) for word in words if word and not word.startswith("#")}))
    name = f"moe-search-{hashlib.sha1(content.encode()).hexdigest()[:12]}"
    combined = Path(tempfile.gettempdir()) / f"{name}.txt"
    if not combined.exists():
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=combined.parent, delete=False) as file:
            file.write(content)
        os.replace(file.name, combined)
    try:
        nlpo3.load_dict(str(combined), name)
    except BaseException as panic:  # nlpo3 panics (PanicException is a BaseException) on a bad file
        raise DictionaryUnavailable(name) from panic
    return name


class DictionaryUnavailable(RuntimeError):
    """The word lists could not be loaded; words are cut by a plain rule until a later try succeeds."""


def terms_changed():
    """Make every process load the word lists again on its next use (this one at once)."""
    _checked["at"] = float("-inf")
    dependencies.mark([TERMS])


def tokens(text):
    """The words of `text`, normalised, in order."""
    words, dictionary = [], None
    for token in TOKEN.findall(normalize(text)):
        if THAI_RUN.fullmatch(token):
            dictionary = dictionary or usable_dictionary()
            words += segment(token, dictionary)
        else:
            words.append(token)
    return words


def usable_dictionary():
    try:
        return dictionary_name()
    except DictionaryUnavailable:
        logger.exception("Thai dictionary not loaded; will try again on the next search")
        return None


def segment(run, dictionary, keep_spaces=False):
    """A Thai run as words; without a dictionary, whole (it still matches the same run typed whole)."""
    if dictionary is None:
        return [run]
    return [word for word in nlpo3.segment(run, dictionary, safe=True) if keep_spaces or word.strip()]


def analyze(text):
    """The text as space-separated words, ready for any full-text index."""
    return " ".join(tokens(text))


def word_bounds(text):
    """The offsets where the words of `text` (as written, not normalised) begin and end: snippets are
    cut and highlights widened to them, never inside a Thai word or character cluster."""
    bounds, at = [0], 0
    for piece in pieces(text, usable_dictionary()):
        at += len(piece)
        bounds.append(at)
    return bounds


def pieces(text, dictionary):
    """`text` cut into pieces that join back to it: each Thai run into its words, the rest into runs of
    spaces and of other characters. Only Thai runs go to nlpo3: its safe mode, given a long text that
    mixes Thai and Latin, returns pieces that do not join back to the text (16 of the demo's 87 titles
    and summaries, nlpo3 1.4.0), which put snippets and line ends inside words."""
    out = []
    for part in PIECE.findall(text):
        out += segment(part, dictionary, keep_spaces=True) if THAI_RUN.fullmatch(part) else [part]
    return out
