"""The README documents every command and every option `--help` shows, so the two cannot drift apart
(in the spirit of sqlite-utils' tests/test_docs.py)."""
from __future__ import annotations

import re

import click
import pytest
from conftest import ROOT

from verify.cli import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(name: str) -> str:
    """The README's `### verify NAME` section, up to the next heading of its level or above."""
    match = re.search(rf"^### verify {re.escape(name)}\n(.*?)(?=^#{{2,3}} )", README + "\n## ", re.M | re.S)
    assert match, f"README has no '### verify {name}' section"
    return match.group(1)


def in_code(text: str, word: str) -> bool:
    """`word` inside a `code span` of the text (fenced blocks aside), as a whole option or value."""
    spans = re.findall(r"`([^`\n]+)`", re.sub(r"^```.*?^```", "", text, flags=re.M | re.S))
    return any(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", span) for span in spans)


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_and_option_is_documented(name):
    command = cli.commands[name]
    text = section(name)
    assert command.help and command.help.split("\n")[0].endswith("."), name
    for param in command.params:
        if isinstance(param, click.Argument):
            assert param.human_readable_name in text, f"verify {name}: argument {param.human_readable_name}"
            continue
        if param.hidden or "--help" in param.opts:
            continue
        for opt in param.opts + param.secondary_opts:
            assert in_code(text, opt), f"verify {name}: {opt} is in --help but not in the README"
        if isinstance(param.type, click.Choice):
            for choice in param.type.choices:
                assert in_code(text, choice), f"verify {name}: {param.opts[0]} {choice} is not in the README"


def test_global_options_are_documented():
    for param in cli.params:
        for opt in param.opts:
            assert in_code(README, f"verify {opt}") or in_code(README, opt), opt
    assert in_code(README, "--version") and in_code(README, "-h") and in_code(README, "--help")
