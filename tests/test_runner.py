"""`make test` says when it skips the browser tests, and never passes when no test ran."""

import pytest

from tests import run


@pytest.fixture
def pytest_calls(monkeypatch):
    calls = []
    monkeypatch.setattr(run.pytest, "main", lambda args: calls.append(args) or 0)
    return calls


def without_chromium(monkeypatch):
    monkeypatch.setattr(run.shutil, "which", lambda name: None)


def test_browser_tests_are_skipped_loudly_without_chromium(monkeypatch, pytest_calls, capsys):
    without_chromium(monkeypatch)
    monkeypatch.delenv("REQUIRE_BROWSER", raising=False)
    assert run.main(["-q"]) == 0
    assert pytest_calls == [["-q", "-m", "not browser"]]
    assert "SKIPPING the browser and PDF tests" in capsys.readouterr().out


def test_ci_fails_when_chromium_is_required_but_missing(monkeypatch, pytest_calls):
    without_chromium(monkeypatch)
    monkeypatch.setenv("REQUIRE_BROWSER", "1")
    assert run.main([]) == 1
    assert pytest_calls == []


def test_no_test_run_is_a_failure(monkeypatch):
    monkeypatch.setattr(run.pytest, "main", lambda args: run.NO_TESTS_RAN)
    assert run.main([]) == 1
