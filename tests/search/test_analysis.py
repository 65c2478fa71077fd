"""Thai text analysis: the words a document is indexed under are the words a query is cut into."""

from itertools import pairwise

import pytest

from search.analysis import analyze, tokens, word_bounds

# The analyser reads the administrators' terms from the database.
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("กระทรวงศึกษาธิการ", ["กระทรวง", "ศึกษาธิการ"]),  # a word inside a compound is its own token
        ("งบประมาณปี ๒๕๖๕", ["งบ", "ประมาณ", "ปี", "2565"]),  # Thai digits fold to Arabic
        ("ระบบราชการ ๔.๐", ["ระบบ", "ราชการ", "4.0"]),
        ("สพฐ. จัดทำตัวชี้วัด", ["สพฐ", "จัดทำ", "ตัวชี้วัด"]),  # the ministry's terms stay whole
        ("ก.พ.ร.", ["กพร"]),
        ("PMQA หมวด 5", ["pmqa", "หมวด", "5"]),  # English is case-folded; mixed text works
        ("ระบบ e-Service", ["ระบบ", "e-service"]),
    ],
)
def test_text_is_cut_into_normalised_words(text, expected):
    assert tokens(text) == expected


def test_an_abbreviation_matches_with_or_without_its_dot():
    assert tokens("สพฐ.") == tokens("สพฐ")


def test_a_query_for_a_word_inside_a_compound_finds_the_compound():
    document = analyze("แผนยุทธศาสตร์การพัฒนาระบบราชการ 4.0 ของกระทรวงศึกษาธิการ").split()
    assert all(word in document for word in tokens("ศึกษาธิการ"))
    assert all(word in document for word in tokens("ยุทธศาสตร์"))


def test_punctuation_and_spaces_are_not_words():
    assert tokens("  (พ.ศ. 2565) — “คู่มือ”  ") == ["พศ", "2565", "คู่มือ"]


@pytest.mark.django_db
def test_administrators_extend_the_dictionary_without_a_deploy(django_capture_on_commit_callbacks):
    from search.models import SearchTerm

    assert tokens("โครงการโรงเรียนคุณธรรม") == ["โครงการ", "โรงเรียน", "คุณธรรม"]
    with django_capture_on_commit_callbacks(execute=True):
        SearchTerm.objects.create(term="โรงเรียนคุณธรรม", note="ชื่อโครงการ")
    assert tokens("โครงการโรงเรียนคุณธรรม") == ["โครงการ", "โรงเรียนคุณธรรม"]


# A project summary on which nlpo3's safe mode, given the whole mixed text, returned pieces out of order.
MIXED = (
    "พัฒนาระบบบริการอิเล็กทรอนิกส์ด้านการศึกษา (MOE e-Service) ดำเนินการโดยศูนย์เทคโนโลยีสารสนเทศและ"
    "การสื่อสาร สป. ภายใต้ยุทธศาสตร์ที่ 1 การยกระดับการให้บริการประชาชนด้วยระบบดิจิทัล"
)


def test_word_bounds_of_a_long_mixed_text_fall_between_its_words():
    bounds = word_bounds(MIXED)
    words = [MIXED[start:end] for start, end in pairwise(bounds)]
    assert "".join(words) == MIXED
    assert {"ด้าน", "ศึกษา", "(MOE", "e-Service)"} <= set(words)
