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
from .spelling import is_fragment, skeleton

YEAR_CONTEXT = re.compile(r"(ปีงบประมาณ|ปีงบ|ปีการศึกษา|ปี|พ\.?\s?ศ\.?|fy)\s*([0-9]{2})(?![0-9])")
BE_YEAR = re.compile(r"25[0-9]{2}")
KIND_WORDS = {Kind.KPI: ("ตัวชี้วัด", "kpi", "kpis", "indicator")}
LONGEST_PHRASE = 8  # words


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
    """The query's terms and intents; `correct=False` searches the words as typed ("search instead for")."""
    words = tokens(with_be_years(normalize(query)))
    meant = Understanding(words=words)
    lexicon = current_lexicon()
    matched = list(scan(words, lexicon))
    if all(meaning and meaning.stop for _phrase, meaning in matched):  # nothing else: keep them
        matched = [(phrase, None) for phrase, _meaning in matched]
    for phrase, meaning in matched:
        if meaning and meaning.stop:
            continue
        meant.terms.append(term_for(phrase, meaning, meant))
    if correct:
        correct_spelling(meant)
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


def correct_spelling(meant):
    """Replace runs of words the index does not hold by a word it holds that sounds the same. A run may
    take in a known neighbour: "โปรงใส" is cut into โปรง|ใส, and โปร่งใส is one word of the index."""
    plain = [len(term.phrases) == 1 and len(term.phrases[0]) == 1 for term in meant.terms]
    words = [term.phrases[0][0] if single else "" for term, single in zip(meant.terms, plain, strict=True)]
    known = set(SearchWord.objects.filter(word__in=[w for w in words if w]).values_list("word", flat=True))
    unknown = [bool(word) and (word not in known or is_fragment(word)) for word in words]
    spans = [span for span in runs(unknown) if all(plain[i] for i in range(*span))]
    candidates = {}
    for start, end in spans:
        for first, last in widened(start, end, plain):
            candidates[(first, last)] = "".join(words[first:last])
    found = corrections(set(candidates.values()))
    replaced = {}
    for start, end in spans:
        options = [
            (first, last) for first, last in widened(start, end, plain) if candidates[(first, last)] in found
        ]
        if options:
            first, last = max(options, key=lambda span: span[1] - span[0])
            replaced[first] = (last, candidates[(first, last)], found[candidates[(first, last)]])
    meant.terms = rebuild_terms(meant, replaced)


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
    """{typed: a word of the index with its skeleton}, the closest in letters where several share it."""
    skeletons = {skeleton(word): word for word in typed_words if len(word) > 1}
    rows = SearchWord.objects.filter(skeleton__in=list(skeletons)).values_list("skeleton", "word")
    best = {}
    for shape, word in rows:
        typed = skeletons[shape]
        if word != typed and (typed not in best or len(word) < len(best[typed])):
            best[typed] = word
    return best


def rebuild_terms(meant, replaced):
    terms, i = [], 0
    while i < len(meant.terms):
        if i in replaced:
            last, typed, word = replaced[i]
            meant.corrected[typed] = word
            terms.append(Term(typed, [tuple(tokens(word))]))
            i = last
        else:
            terms.append(meant.terms[i])
            i += 1
    return terms


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
