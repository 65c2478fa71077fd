"""The Thai dictionary reaches nlpo3 through a file: processes that load it at once never read each
other's half-written file, and a failed load leaves search working and is tried again."""

import subprocess
import sys
import tempfile
from pathlib import Path

import nlpo3
import pytest

from search import analysis

pytestmark = pytest.mark.django_db

# Each process loads the same word lists, as every gunicorn worker does on its first search.
LOAD_AND_SEGMENT = """
import nlpo3
from search.analysis import file_words, install_dictionary
name = install_dictionary(file_words())
words = nlpo3.segment("กระทรวงศึกษาธิการ", name)
assert words == ["กระทรวง", "ศึกษาธิการ"], words
"""


@pytest.fixture
def no_dictionary_file():
    """The combined file absent, as on a fresh machine where the processes race to write it."""
    for path in Path(tempfile.gettempdir()).glob("moe-search-*.txt"):
        path.unlink()


def test_processes_loading_the_dictionary_at_once_all_segment_correctly(no_dictionary_file):
    processes = [
        subprocess.Popen([sys.executable, "-c", LOAD_AND_SEGMENT], stderr=subprocess.PIPE, cwd=Path.cwd())
        for _ in range(4)
    ]
    failures = [process.stderr.read().decode() for process in processes if process.wait() != 0]
    assert failures == []
    written = list(Path(tempfile.gettempdir()).glob("moe-search-*.txt"))
    assert len(written) == 1 and "ศึกษาธิการ" in written[0].read_text(encoding="utf-8").splitlines()


def test_a_failed_load_keeps_search_answering_and_is_tried_again(monkeypatch):
    analysis.load_dictionary.cache_clear()
    real_load = nlpo3.load_dict

    def broken(path, name):
        raise BaseException("nlpo3 panicked")  # what pyo3's PanicException is

    monkeypatch.setattr(nlpo3, "load_dict", broken)
    analysis.terms_changed()
    assert analysis.tokens("คลินิก สพฐ") == ["คลินิก", "สพฐ"]  # whole runs: still a usable query

    monkeypatch.setattr(nlpo3, "load_dict", real_load)
    analysis.terms_changed()
    assert analysis.tokens("กระทรวงศึกษาธิการ") == ["กระทรวง", "ศึกษาธิการ"]
