"""Which Chromium binary a run launches (support/browsers/executables.py): Debian's headless shell for
headless runs when it is installed, the full browser for --headed or without the package."""

import pytest

from support.browsers import executables


class _SystemOnly:
    """A Playwright BrowserType whose own build is not installed (the offline, system-browser path)."""

    def __init__(self, name: str) -> None:
        self.name = name

    @property
    def executable_path(self) -> str:
        raise FileNotFoundError(self.name)


@pytest.fixture
def binaries(tmp_path, monkeypatch):
    full, shell = tmp_path / "chromium", tmp_path / "chromium-headless-shell"
    full.touch()
    monkeypatch.setattr(executables, "SYSTEM_CHROMIUM", full)
    monkeypatch.setattr(executables, "SYSTEM_CHROMIUM_SHELL", shell)
    return full, shell


def test_headless_runs_launch_the_headless_shell_when_installed(binaries):
    full, shell = binaries
    shell.touch()
    options = executables.launch_options(_SystemOnly("chromium"), None)
    assert options["executable_path"] == str(shell)
    assert options["args"] == executables.CHROMIUM_ARGS


def test_headed_runs_launch_the_full_browser(binaries):
    full, shell = binaries
    shell.touch()
    assert executables.launch_options(_SystemOnly("chromium"), None, headless=False)["executable_path"] == str(full)


def test_without_the_shell_the_full_browser_runs_headless(binaries):
    full, _shell = binaries
    assert executables.launch_options(_SystemOnly("chromium"), None)["executable_path"] == str(full)


def test_without_any_chromium_the_message_says_how_to_install_it(binaries):
    full, _shell = binaries
    full.unlink()
    with pytest.raises(executables.BrowserUnavailable, match="chromium"):
        executables.launch_options(_SystemOnly("chromium"), None)


def test_the_system_firefox_runs_with_the_suites_preferences(monkeypatch, tmp_path):
    firefox = tmp_path / "firefox-esr"
    firefox.touch()
    monkeypatch.setattr(executables, "SYSTEM_FIREFOX", firefox)
    options = executables.launch_options(_SystemOnly("firefox"), None)
    assert options["channel"] == "moz-firefox" and options["executable_path"] == str(firefox)
    assert options["firefox_user_prefs"] == executables.FIREFOX_PREFS
    assert options["firefox_user_prefs"] is not executables.FIREFOX_PREFS  # a run may add its own
