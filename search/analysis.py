"""Thai-aware text analysis, the same at index time and at query time.

Text is normalised (NFC, Thai digits to Arabic, lower case, abbreviation dots dropped) and Thai runs are
cut into words by newmm (nlpo3) with a fine-grained dictionary, so a word inside a compound is found:
"กระทรวงศึกษาธิการ" gives กระทรวง | ศึกษาธิการ. Latin words and numbers pass through whole ("4.0",
"pmqa"). Every backend receives these tokens, so they all search the same words.
"""

import hashlib
import re
import tempfile
import unicodedata
from functools import cache
from pathlib import Path

import nlpo3

from knowledge.thaidate import fold_thai_digits

DICTIONARY_DIR = Path(__file__).with_name("dictionary")
WORD_FILES = ("words_th_icu.txt", "ministry.txt")
THAI_RUN = re.compile(r"[\u0E00-\u0E7F]+")
# A token is a Thai run, or Latin letters/digits that may hold inner dots or hyphens ("4.0", "e-service").
TOKEN = re.compile(r"[\u0E00-\u0E7F]+|[0-9a-z]+(?:[.\-][0-9a-z]+)*")
# A dot right after a Thai letter ends an abbreviation ("สพฐ." = "สพฐ", "ก.พ.ร." = "กพร").
ABBREVIATION_DOT = re.compile(r"(?<=[\u0E01-\u0E2E])\.")


def normalize(text):
    text = unicodedata.normalize("NFC", text)
    return ABBREVIATION_DOT.sub("", fold_thai_digits(text)).lower()


@cache
def dictionary_name():
    """Load the word lists into nlpo3 once per process; the name identifies this version of them."""
    words = []
    for name in WORD_FILES:
        for line in (DICTIONARY_DIR / name).read_text(encoding="utf-8").splitlines():
            word = normalize(line.strip())
            if word and not line.startswith("#"):
                words.append(word)
    content = "\n".join(sorted(set(words)))
    name = f"moe-search-{hashlib.sha1(content.encode()).hexdigest()[:12]}"
    combined = Path(tempfile.gettempdir()) / f"{name}.txt"  # nlpo3 loads word lists from a file
    combined.write_text(content, encoding="utf-8")
    nlpo3.load_dict(str(combined), name)
    return name


def tokens(text):
    """The words of `text`, normalised, in order."""
    words = []
    for token in TOKEN.findall(normalize(text)):
        if THAI_RUN.fullmatch(token):
            words += [word for word in nlpo3.segment(token, dictionary_name(), safe=True) if word.strip()]
        else:
            words.append(token)
    return words


def analyze(text):
    """The text as space-separated words, ready for any full-text index."""
    return " ".join(tokens(text))
