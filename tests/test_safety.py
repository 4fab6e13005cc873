"""No input can make the library run code, reach the network or read other files.

A static check of the package source: no eval/exec, no pickle or marshal, no network or process
modules. (attrs and cattrs generate code for the model classes themselves, from the classes,
never from input.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import apmbc

SOURCE = Path(apmbc.__file__).resolve().parent
FORBIDDEN = {
    r"\beval\(": "eval",
    r"\bexec\(": "exec",
    r"\bimport pickle\b|\bfrom pickle\b|\bpickle\.": "pickle",
    r"\bimport marshal\b|\bmarshal\.": "marshal",
    r"\bimport (urllib|http|socket|ftplib|smtplib|requests)\b": "network modules",
    r"\bfrom (urllib|http|socket|ftplib|smtplib|requests)\b": "network modules",
    r"\bimport subprocess\b|\bos\.system\(|\bos\.popen\(": "running programs",
}


@pytest.mark.parametrize("path", sorted(SOURCE.rglob("*.py")), ids=lambda p: p.name)
def test_no_dangerous_calls(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for pattern, what in FORBIDDEN.items():
        assert not re.search(pattern, text), f"{path.name} uses {what}"


def test_html_profile_pages_fetch_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the parser tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = (
        "<html><head><script src='https://example.org/x.js'></script>"
        "<link rel='stylesheet' href='https://example.org/s.css'></head><body>"
        "<img src='https://example.org/i.png'><iframe src='https://example.org/'></iframe>"
        "<h2>Latest views and updates</h2><ul><li>The State not party has participated as "
        "Observer in the following meetings of the Convention<ul><li>1MSP, 2RC</li></ul></li>"
        "</ul></body></html>"
    )
    profile = apmbc.parse_profile(page)
    assert profile.observer_meetings == ("1MSP", "2RC")
