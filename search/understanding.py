"""What a query asks for, before anything is matched.

A query becomes *terms*: its content words, each with the other forms it may be written in. Question
words and particles are dropped ("ขั้นตอนขอรับคำปรึกษาทำอย่างไร" asks for ขั้นตอน, ขอรับ, คำปรึกษา);
a word of a synonym group searches for the whole group ("ดิจิตอล" for ดิจิทัล and digital, "self
assessment" for ประเมินตนเอง); an agency's name in any written form is one term with all its forms; a
two-digit year after ปี/ปีงบ is read as Buddhist Era ("ปีงบ 66" = 2566); and a word that the index does
not hold is corrected to one it does that is spelt the same way it sounds (search.spelling). Agencies,
kinds ("ตัวชี้วัด", "KPI") and years a query names are kept as *intents* that ranking favours.

The word lists are search/dictionary/stopwords.txt and synonyms.txt, plus the synonyms administrators
add in the admin (SearchSynonym); they are read once per process and per version of the lists.
"""

import re
from dataclasses import dataclass, field
from functools import cache as cache_for_process

from .analysis import DICTIONARY_DIR, normalize, terms_version, tokens
from .models import Kind, SearchSynonym, SearchWord
from .spelling import distance, is_fragment, levenshtein, skeleton

YEAR_CONTEXT = re.compile(r"(ปีงบประมาณ|ปีงบ|ปีการศึกษา|ปี|พ\.?\s?ศ\.?|fy)\s*([0-9]{2})(?![0-9])")
BE_YEAR = re.compile(r"25[0-9]{2}")
KIND_WORDS = {Kind.KPI: ("ตัวชี้วัด", "kpi", "kpis", "indicator")}
LONGEST_PHRASE = 8  # words
# A word this long or longer may be corrected by a letter (two from LONG_WORD) beyond its skeleton,
# among at most NEARBY_WORDS words of the index that begin as it does.
MIN_FUZZY_LETTERS, LONG_WORD, NEARBY_WORDS = 4, 8, 5000


@dataclass
class Term:
    """One thing the query asks for: any of its phrases (tuples of analysed words) will do."""

    typed: str
    phrases: list


@dataclass
class Understanding:
    terms: list = field(default_factory=list)
    words: list = field(default_factory=list)  # every analysed word typed, in order (exact phrase)
    corrected: dict = field(default_factory=dict)  # as typed → as searched
    related: dict = field(default_factory=dict)  # as typed → the other forms searched too
    agencies: list = field(default_factory=list)  # codes
    kinds: list = field(default_factory=list)
    years: list = field(default_factory=list)

    @property
    def highlighted(self):
        """The words to mark in titles and snippets: what was searched, in every form."""
        return [word for term in self.terms for phrase in term.phrases for word in phrase]

    def corrected_query(self, query):
        """The query as searched, when a word of it was corrected; else ""."""
        text = normalize(query)
        for typed, word in self.corrected.items():
            text = text.replace(typed, word)
        return text if self.corrected else ""


@dataclass
class Meaning:
    """What a phrase of the lexicon stands for."""

    stop: bool = False
    forms: list = field(default_factory=list)  # as written, for the page ("รวมคำที่เกี่ยวข้อง")
    agency: str = ""
    kind: str = ""


def understand(query, correct=True):
    """The query's terms and intents; `correct=False` searches the words as typed ("search instead for").
    A query with words the index does not hold is read again as corrected, so a corrected word brings
    its synonyms and phrases ("self assesment" → self assessment → ประเมินตนเอง)."""
    meant = read(query)
    fixed = misspelt(meant) if correct else {}
    text = normalize(query)
    fixed = {typed: word for typed, word in fixed.items() if typed in text}
    if not fixed:
        return meant
    for typed, word in fixed.items():
        text = text.replace(typed, word)
    meant = read(text)
    meant.corrected = fixed
    return meant


def read(query):
    words = tokens(with_be_years(normalize(query)))
    meant = Understanding(words=words)
    matched = list(scan(words, current_lexicon()))
    if all(meaning and meaning.stop for _phrase, meaning in matched):  # nothing else: keep them
        matched = [(phrase, None) for phrase, _meaning in matched]
    for phrase, meaning in matched:
        if not (meaning and meaning.stop):
            meant.terms.append(term_for(phrase, meaning, meant))
    return meant


def with_be_years(text):
    """ "ปีงบ 66" → "ปีงบ 2566": a two-digit year after a word for year is a Buddhist Era year."""
    return YEAR_CONTEXT.sub(lambda found: f"{found.group(1)} 25{found.group(2)}", text)


def scan(words, lexicon):
    """(phrase, meaning) along the words: the longest phrase the lexicon knows at each place, else one
    word with no meaning."""
    i = 0
    while i < len(words):
        for length in range(min(LONGEST_PHRASE, len(words) - i), 0, -1):
            phrase = tuple(words[i : i + length])
            if phrase in lexicon:
                yield phrase, lexicon[phrase]
                break
        else:
            phrase, length = (words[i],), 1
            yield phrase, None
        i += length


def term_for(phrase, meaning, meant):
    typed = " ".join(phrase)
    if meaning is None:
        if BE_YEAR.fullmatch(typed):
            meant.years.append(typed)
        return Term(typed, [phrase])
    if meaning.agency:
        meant.agencies.append(meaning.agency)
    if meaning.kind:
        meant.kinds.append(meaning.kind)
    alternatives = [form for form in meaning.forms if tuple(tokens(form)) != phrase]
    if alternatives:
        meant.related[typed] = alternatives
    phrases = [phrase, *(tuple(tokens(form)) for form in alternatives)]
    return Term(typed, list(dict.fromkeys(p for p in phrases if p)))


def misspelt(meant):
    """{as typed: the word of the index meant} for runs of words the index does not hold. A run may take
    in a known neighbour: "โปรงใส" is cut into โปรง|ใส, and โปร่งใส is one word of the index."""
    plain = [len(term.phrases) == 1 and len(term.phrases[0]) == 1 for term in meant.terms]
    words = [term.phrases[0][0] if single else "" for term, single in zip(meant.terms, plain, strict=True)]
    known = set(SearchWord.objects.filter(word__in=[w for w in words if w]).values_list("word", flat=True))
    unknown = [bool(word) and (word not in known or is_fragment(word)) for word in words]
    spans = [span for span in runs(unknown) if all(plain[i] for i in range(*span))]
    options = {span: widened(*span, plain) + [(i, i + 1) for i in range(*span)] for span in spans}
    typed = {option: "".join(words[slice(*option)]) for choices in options.values() for option in choices}
    found = corrections(set(typed.values()))
    fixed = {}
    for span, choices in options.items():
        whole = [option for option in choices[: -(span[1] - span[0])] if typed[option] in found]
        if whole:  # the run as one word, widened as far as that finds one
            chosen = [max(whole, key=lambda option: option[1] - option[0])]
        else:  # else each of its words on its own
            chosen = [option for option in choices[-(span[1] - span[0]) :] if typed[option] in found]
        fixed.update((typed[option], found[typed[option]]) for option in chosen)
    return fixed


def runs(flags):
    """(start, end) of each run of true flags."""
    start = None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            yield start, i
            start = None


def widened(start, end, plain):
    """The run, and the run with a plain neighbour on either side or both."""
    left = start - 1 if start > 0 and plain[start - 1] else start
    right = end + 1 if end < len(plain) and plain[end] else end
    return list(dict.fromkeys([(start, end), (left, end), (start, right), (left, right)]))


def corrections(typed_words):
    """{typed: the word of the index it was meant as}: one with the same skeleton, else one a letter or
    two away (by skeleton; two only for long words), the closest in letters and then the shortest."""
    skeletons = {skeleton(word): word for word in typed_words if len(word) > 1}
    best = {}
    rows = SearchWord.objects.filter(skeleton__in=list(skeletons)).values_list("skeleton", "word")
    for shape, word in rows:
        consider(best, skeletons[shape], word, distance(skeletons[shape], word))
    for shape, typed in skeletons.items():
        if typed in best or len(shape) < MIN_FUZZY_LETTERS:
            continue
        allowed = 1 if len(shape) < LONG_WORD else 2
        nearby = SearchWord.objects.filter(skeleton__startswith=shape[:2]).values_list("skeleton", "word")
        for other, word in nearby[:NEARBY_WORDS]:
            if abs(len(other) - len(shape)) <= allowed and levenshtein(shape, other) <= allowed:
                consider(best, typed, word, distance(typed, word))
    return {typed: word for typed, (word, _cost) in best.items()}


def consider(best, typed, word, cost):
    if word != typed and (typed not in best or (cost, len(word)) < (best[typed][1], len(best[typed][0]))):
        best[typed] = (word, cost)


def current_lexicon():
    return load_lexicon(terms_version())


@cache_for_process
def load_lexicon(version):
    """{phrase (tuple of analysed words): Meaning} from the word lists, the admin's synonyms and agencies."""
    from knowledge.models import Agency

    lexicon = {}

    def add(form, **meaning):
        phrase = tuple(tokens(form))
        if phrase:
            entry = lexicon.setdefault(phrase, Meaning())
            for name, value in meaning.items():
                setattr(entry, name, value)

    for line in word_list("stopwords.txt"):
        add(line, stop=True)
    groups = [[form.strip() for form in line.split(",")] for line in word_list("synonyms.txt")]
    groups += [synonym.words for synonym in SearchSynonym.objects.all()]
    for agency in Agency.objects.all():
        forms = [agency.name, agency.name_en, *agency.abbreviations]
        groups.append(forms)
        for form in forms:
            add(form, agency=agency.code)
    for group in groups:
        for form in group:
            add(form, forms=merged(lexicon, form, group), stop=False)
    for kind, forms in KIND_WORDS.items():
        for form in forms:
            add(form, kind=kind)
    return lexicon


def merged(lexicon, form, group):
    """A form's synonyms: its group's, and those of any other group it is in."""
    earlier = lexicon.get(tuple(tokens(form)))
    return list(dict.fromkeys([*(earlier.forms if earlier else []), *(f for f in group if f)]))


def word_list(name):
    lines = (DICTIONARY_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
