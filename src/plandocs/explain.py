"""Problems told in the contributor's languages: each Problem of the loader, the rules or the
translation check, reworded from data/messages.yml, with list items named 1-based with their id
("风险 6 (r6) / risk 6 (r6)") and a hint for the usual slips (a full-width colon, a colon inside
a text, indentation, a computed field typed by hand, a stated total that no longer matches).

This layer sits on top of `plandocs.problems`: the loader's English Problems stay what the
tests and the annotations locate; here they are recognised by their shape and reworded. A
message this module does not know is shown as it is. The words come from data/messages.yml,
read on their own (a broken labels.yml or risks.yml still gets its messages in every language);
when messages.yml itself does not load, every message is shown in English as the loader wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from plandocs.loader import read_capped
from plandocs.model.common import Text
from plandocs.model.languages import Languages
from plandocs.model.messages import Messages
from plandocs.problems import Problem, printable
from plandocs.yamlsource import read_source

FULLWIDTH_COLON = "："


@dataclass(frozen=True)
class Explained:
    """A problem and its message in each language (item name, message and hints)."""

    problem: Problem
    texts: dict[str, str]

    def line(self, code: str) -> str:
        """Return `file:line:column: field: message` in one language."""
        p = self.problem
        where = f"{printable(p.file)}:{p.line}:{p.column}"
        text = printable(self.texts[code])
        return f"{where}: {printable(p.field)}: {text}" if p.field else f"{where}: {text}"


@dataclass
class Explainer:
    """Rewords problems of the data under `root` (the folder that holds data/)."""

    root: Path
    messages: Messages | None
    languages: tuple[str, ...]
    _files: dict[str, Any] = field(default_factory=dict)

    def explain(self, problem: Problem) -> Explained:
        """Return the problem's message in every language (English only without messages)."""
        if self.messages is None:
            prefix = "warning: " if problem.severity == "warning" else ""
            return Explained(problem, {"en": prefix + problem.message})
        words = self.messages
        texts: dict[str, str] = {}
        for code in self.languages:
            name = self._item_name(problem, code)
            text = words.also(code).join(
                [self._message(problem, code), *self._hints(problem, code)]
            )
            if name:
                text = f"{name}{words.then(code)}{text}"
            if problem.severity == "warning":
                text = f"{words.warning(code)}{words.then(code)}{text}"
            texts[code] = text
        return Explained(problem, texts)

    # The parts of a message -------------------------------------------------------------

    def _message(self, problem: Problem, code: str) -> str:
        assert self.messages is not None
        for pattern, reword in _REWORDINGS:
            match = pattern.fullmatch(problem.message)
            if match:
                found = reword(self.messages, match.groupdict(), problem, code)
                if found is not None:
                    return found
        return self.messages.problems.untranslated(code).format(message=problem.message)

    def _item_name(self, problem: Problem, code: str) -> str:
        """Return e.g. `风险 2 (r2) › 影响 1` for the list items the field is in."""
        assert self.messages is not None
        nouns = self.messages.nouns
        names = []
        for listed, number, item_id in _items_on(problem.field, self._data(problem.file)):
            noun = (nouns.get(listed) or nouns.get("item") or Text({code: listed}))(code)
            if item_id:
                names.append(self.messages.item(code).format(noun=noun, number=number, id=item_id))
            else:
                names.append(self.messages.item_without_id(code).format(noun=noun, number=number))
        return " › ".join(names)

    def _hints(self, problem: Problem, code: str) -> list[str]:
        assert self.messages is not None
        if not problem.message.startswith("YAML: "):
            return []
        hints = self.messages.hints
        lines = self._lines(problem.file)
        first = max(problem.line - 2, 0)
        around = lines[first : problem.line]
        out: list[str] = []
        # libyaml often reports the line after the slip: name the line that has it.
        full_width = [first + i + 1 for i, line in enumerate(around) if FULLWIDTH_COLON in line]
        if full_width:
            out.append(hints.fullwidth_colon(code).format(line=full_width[-1]))
        if any(_COLON_IN_TEXT.search(line) for line in around):
            out.append(hints.colon_in_text(code))
        if not out or "block" in problem.message or "expected key" in problem.message:
            out.append(hints.indentation(code))
        return out

    # The data files, read once each -----------------------------------------------------

    def _lines(self, file: str) -> list[str]:
        raw = self._raw(file)
        return raw.decode("utf-8", errors="replace").splitlines() if raw else []

    def _raw(self, file: str) -> bytes | None:
        key = f"raw:{file}"
        if key not in self._files:
            path = self.root / file
            read = read_capped(path) if file.endswith((".yml", ".yaml")) else None
            self._files[key] = read[0] if read else None
        raw: bytes | None = self._files[key]
        return raw

    def _data(self, file: str) -> Any:
        if file not in self._files:
            raw = self._raw(file)
            self._files[file] = read_source(file, raw).data if raw is not None else None
        return self._files[file]


def explainer(data_dir: Path) -> Explainer:
    """Return an explainer for the data in `data_dir`, with the words of its messages.yml."""
    root = data_dir.resolve().parent
    languages, messages = _words(data_dir)
    return Explainer(root, messages, languages if messages is not None else ("en",))


def _words(data_dir: Path) -> tuple[tuple[str, ...], Messages | None]:
    sources = {}
    for name in ("languages.yml", "messages.yml"):
        read = read_capped(data_dir / name)
        if read is None:
            return ("en",), None
        source = read_source(f"data/{name}", read[0], size=read[1])
        if source.problems or source.data is None:
            return ("en",), None
        sources[name] = source.data
    try:
        languages = Languages.model_validate(sources["languages.yml"]).codes
        context = {"languages": languages}
        messages = Messages.model_validate(sources["messages.yml"], context=context)
    except ValidationError:
        return ("en",), None
    return languages, messages


def report_lines(explained: Iterable[Explained], languages: tuple[str, ...]) -> list[str]:
    """Return each problem as `file:line:column: field: message` in the first language, and its
    other languages' messages indented under it."""
    out: list[str] = []
    for item in explained:
        codes = [code for code in languages if code in item.texts] or list(item.texts)
        out.append(item.line(codes[0]))
        out += [f"    {printable(item.texts[code])}" for code in codes[1:]]
    return out


def report(problems: Iterable[Problem], data_dir: Path, *, serving: bool = False) -> str:
    """Return every problem in every language, then the count (the text a build or `serve`
    prints for bad data); `serving` adds that the server keeps the last good pages."""
    words = explainer(data_dir)
    found = list(problems)
    lines = report_lines([words.explain(p) for p in found], words.languages)
    errors = sum(p.severity == "error" for p in found)
    lines.append(_count(errors, words))
    if serving:
        kept = words.messages.serving if words.messages is not None else None
        english = "plandocs: pages not updated; fix the data and save again"
        lines.append(" / ".join(kept(code) for code in words.languages) if kept else english)
    return "\n".join(lines)


def _count(errors: int, words: Explainer) -> str:
    english = f"{errors} problem{'s' if errors != 1 else ''} in data/"
    if words.messages is None or "zh" not in words.languages:
        return english
    return f"{english} / data/ 中有 {errors} 个问题"


# Recognising the loader's, the rules' and the translation check's messages -------------

Reword = Callable[[Messages, dict[str, Any], Problem, str], str | None]

_COLON_IN_TEXT = re.compile(r"^\s*(?:- )?[\w-]+: [^\"'{\[|>].*: ")
_COMMAND = r"`(?P<command>[^`]+)`"


def _yaml(words: Messages, found: dict[str, Any], problem: Problem, code: str) -> str:
    return words.problems.yaml(code).format(detail=found["detail"])


def _unknown_key(words: Messages, found: dict[str, Any], problem: Problem, code: str) -> str:
    key = found["key"]
    if key in words.computed:
        return words.computed[key](code)
    return words.problems.unknown_key(code).format(key=key)


def _template(name: str) -> Reword:
    def reword(words: Messages, found: dict[str, Any], problem: Problem, code: str) -> str:
        template: Text = getattr(words.problems, name)
        return template(code).format(**found)

    return reword


def _stated(words: Messages, found: dict[str, Any], problem: Problem, code: str) -> str | None:
    parts = words.parts.get(found["parts"])
    if parts is None:
        return None
    values = {"stated": found["stated"], "computed": found["computed"], "parts": parts(code)}
    return words.problems.stated_mismatch(code).format(**values)


def _refused(name: str) -> Reword:
    """A refused character's message (plandocs.characters), its kind and holder in words."""

    def reword(words: Messages, found: dict[str, Any], problem: Problem, code: str) -> str | None:
        values = dict(found)
        for key in ("what", "kind"):
            if key in found:  # `the key` -> `key`, `invisible character` -> `invisible-character`
                text = words.characters.get(found[key].removeprefix("the ").replace(" ", "-"))
                if text is None:
                    return None  # a word messages.yml does not have: the English message
                values[key] = text(code)
        template: Text = getattr(words.problems, name)
        return template(code).format(**values)

    return reword


# The kind is any words: `characters` in messages.yml knows them (plandocs.characters.kind names
# them), and one it does not know keeps the English message.
_KIND = r"(?P<kind>[a-z ]+?)"
_CHAR = r"(?P<char>U\+[0-9A-F]{4,6} [^;]+?)"

_REWORDINGS: tuple[tuple[re.Pattern[str], Reword], ...] = (
    (
        re.compile(rf"(?P<what>text|the key) holds the {_KIND} {_CHAR}; remove it"),
        _refused("refused_character"),
    ),
    (
        re.compile(rf"the {_KIND} {_CHAR} is not allowed in a data file, even in a comment"),
        _refused("refused_raw"),
    ),
    (
        re.compile(
            rf"the {_KIND} {_CHAR} is written raw: YAML ends a line there and editors do not; "
            r"remove it, or write it as `(?P<escape>\\u[0-9a-f]{4})` inside double quotes"
        ),
        _refused("raw_separator"),
    ),
    (re.compile(r"YAML: (?P<detail>.*)", re.DOTALL), _yaml),
    (re.compile(r"unknown key `(?P<key>[^`]*)`"), _unknown_key),
    (re.compile(r"missing required key `(?P<key>[^`]*)`"), _template("missing_key")),
    (re.compile(r"missing `(?P<key>[^`]*)` translation"), _template("missing_translation")),
    (re.compile(r"unknown data file \(see plandocs\.registry\)"), _template("unknown_file")),
    (re.compile(r"file is missing"), _template("missing_file")),
    (
        re.compile(
            r"Input should be (?P<allowed>'[^']*'(?:, '[^']*')*(?: or '[^']*')?)"
            r" \(got (?P<given>.*)\)"
        ),
        _template("choice"),
    ),
    (
        re.compile(r"states (?P<stated>\S+) but the (?P<parts>\w+) add up to (?P<computed>\S+)"),
        _stated,
    ),
    (re.compile(rf"the translation may be out of date: .*then run {_COMMAND}"), _template("stale")),
    (
        re.compile(rf"translation not pinned to its source text: .*then run {_COMMAND}"),
        _template("unpinned"),
    ),
)


_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _items_on(path: str, data: Any) -> list[tuple[str, int, str]]:
    """Return (list key, 1-based number, id or "") of every list item on `path`, outermost
    first."""
    node: Any = data
    items: list[tuple[str, int, str]] = []
    last_key = ""
    for match in _PATH_PART.finditer(path):
        key, index = match[1], match[2]
        if key is not None:
            last_key = key
            node = node.get(key) if isinstance(node, dict) else None
            continue
        number = int(index)
        node = node[number] if isinstance(node, list) and number < len(node) else None
        item_id = node.get("id") if isinstance(node, dict) else None
        items.append((last_key, number + 1, str(item_id) if isinstance(item_id, str | int) else ""))
    return items
