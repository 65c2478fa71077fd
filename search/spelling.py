"""Spelling skeletons: what stays of a word when the usual slips are taken out, so that a typed word
that matches nothing can be corrected to a word of the index that is spelt the way it sounds.

Thai slips that staff make and readers forgive: a tone mark or mai taikhu left out or added ("โปรงใส"),
a silent letter with its karan dropped ("องกร" for "องค์กร"), a long vowel for a short one ("คลีนิก"), a
consonant of the same sound ("ประเมิณ"; only letters that share their sound wherever they stand), ใ for
ไ. English: doubled letters ("assesment") and hyphens.
"""

import re

TONE_MARKS = re.compile("[\u0e47-\u0e4b\u0e4d\u0e4e]")  # ็ ่ ้ ๊ ๋ ํ ๎
SILENT = re.compile("[\u0e01-\u0e2e][\u0e34\u0e38]?\u0e4c")  # a consonant (and ิ/ุ) under ์: not sounded
SAME_SOUND = str.maketrans(
    {
        "ณ": "น",
        "ญ": "ย",
        "ศ": "ส",
        "ษ": "ส",
        "ฐ": "ท",
        "ฑ": "ท",
        "ฒ": "ท",
        "ธ": "ท",
        "ฎ": "ด",
        "ฏ": "ต",
        "ภ": "พ",
        "ฬ": "ล",
        "ฆ": "ค",
        "ฌ": "ช",
        "ฃ": "ข",
        "ฅ": "ค",
        "ใ": "ไ",
        "ี": "ิ",  # long vowels as their short ones
        "ื": "ึ",
        "ู": "ุ",
    }
)
DOUBLED = re.compile(r"([a-z])\1+")
THAI_LETTER = re.compile("[\u0e01-\u0e2e]")


def skeleton(word):
    """The word without the slips above: two spellings of one sound share a skeleton."""
    word = SILENT.sub("", word.lower())
    word = TONE_MARKS.sub("", word).translate(SAME_SOUND)
    return DOUBLED.sub(r"\1", word.replace("-", ""))


def distance(typed, word):
    """Edit distance, where a difference the skeleton forgives costs a quarter of a letter."""
    if skeleton(typed) == skeleton(word):
        return 0.25 * max(1, levenshtein(typed, word))
    return levenshtein(skeleton(typed), skeleton(word)) + 0.25


def levenshtein(a, b):
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def is_fragment(word):
    """A Thai letter alone, as the segmenter leaves of a word it does not know ("คลีนิก" → คลี|นิ|ก)."""
    return len(word) == 1 and bool(THAI_LETTER.match(word))
