"""The check of the hand-written pages (`docs/**/*.md`) and of the other files under docs/.

docs/ is input from strangers, like data/. A page may hold Markdown and plain HTML, but nothing
that runs or loads code: no `<script>` (nor `<iframe>`, `<object>`, `<embed>` and the other
elements listed in `_ELEMENTS`), no event-handler or `style` attribute, no link or source
whose scheme is `javascript:`, `vbscript:`, `data:` or `file:` (however it is spelled: character
references, letter case, spaces or backslashes inside it), no markup in the front matter's
`title` and `description` (the theme prints them as HTML), and no front matter that MkDocs
would show as page text. A file the site would serve as a page of its own (HTML, SVG, XML)
would be served without the site's Content-Security-Policy, so it is refused too. Each problem
is reported as `file:line:column: field: message`, by `plandocs check` and by the build.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from plandocs.loader import read_capped
from plandocs.problems import Problem
from plandocs.yamlsource import MAX_BYTES, read_source

GENERATED = "report"
"""The folder under docs/ that the build writes (not hand-written, not checked here)."""

FRONT_MATTER_KEYS = ("title", "description", "translated_from", "hide")
_PAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.[a-z]{2,3}\.md$")
_FOLDER_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_SERVED_AS_PAGE = {
    *(".html", ".htm", ".shtml", ".xhtml", ".xht", ".mht", ".mhtml"),
    *(".svgz", ".xml", ".xsl", ".xslt"),
}
_ELEMENTS = (
    "script|iframe|frame|frameset|object|embed|applet|portal|base|meta|link|style|form"
    "|animate|animatemotion|animatetransform|animatecolor|set|handler|listener"
)
# The file names MkDocs renders as pages (`mkdocs.utils.markdown_extensions`).
_MARKDOWN = {".md", ".markdown", ".mdown", ".mkdn", ".mkd"}
_ELEMENT = re.compile(rf"<\s*({_ELEMENTS})(?![a-z0-9-])", re.IGNORECASE)
_HANDLER = re.compile(r"(?:^|[\s/\"'`;,{])(on[a-z]+)\s*=", re.IGNORECASE | re.MULTILINE)
_STYLE = re.compile(r"(?:^|[\s/\"'`;,{])(style)\s*=", re.IGNORECASE | re.MULTILINE)
_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
# Where a link or source begins once the text is normalised: a Markdown link `](`, a reference
# definition `]:`, an autolink `<`, an HTML or attr_list attribute `=`, `="`, `='`.
_LINK_START = re.compile(r"(?:\]\(<?|\]:<?|<|=[\"'`]?)(" + "|".join(_SCHEMES) + ")")
_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
# What a browser skips inside a URL's scheme, and what Markdown's backslash escapes leave out.
_SKIPPED = re.compile(r"[\x00-\x20\x7f-\x9f\\\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]")
# How MkDocs reads metadata (`mkdocs.utils.meta`): YAML between `---` lines at the very top,
# else MultiMarkdown-style `key: value` lines at the top.
_FRONT_OPEN = re.compile(r"\A-{3}[ \t]*\n")
_FRONT = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_META_LINE = re.compile(r"\A[ ]{0,3}[A-Za-z0-9_-]+:")
_MARKUP = re.compile(r"[<>&]")


def check_docs(docs_dir: Path, label: str = "docs") -> list[Problem]:
    """Return every problem of the hand-written pages and files under `docs_dir` (the folder
    the build writes is skipped). Symbolic links are the loader's check (`unsafe_entries`)."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*")):
        relative = path.relative_to(docs_dir)
        if relative.parts[0] == GENERATED or path.is_symlink() or not path.is_file():
            continue
        name = f"{label}/{relative.as_posix()}"
        if path.suffix.lower() in _SERVED_AS_PAGE:
            message = (
                f"a `{path.suffix}` file is served as a page of its own, without the site's "
                "Content-Security-Policy: write a Markdown page or use an image format"
            )
            problems.append(Problem(name, 1, 1, "", message))
        elif path.suffix.lower() == ".svg":  # an image, or a page of its own if opened
            read = read_capped(path)
            text = read[0].decode("utf-8", errors="replace") if read else ""
            problems += [p for p in check_page(text, name) if "`style`" not in p.message]
        elif path.suffix.lower() in _MARKDOWN:
            problems += check_page_name(relative, name)
            read = read_capped(path)
            if read is None:
                continue
            if read[1] > MAX_BYTES or len(read[0]) > MAX_BYTES:
                message = f"the page is {read[1]} bytes; pages are limited to {MAX_BYTES}"
                problems.append(Problem(name, 1, 1, "", message))
                continue
            try:
                text = read[0].decode("utf-8")
            except UnicodeDecodeError:
                problems.append(Problem(name, 1, 1, "", "the page is not UTF-8"))
                continue
            problems += check_page(text, name)
    return problems


def check_page_name(relative: Path, name: str) -> list[Problem]:
    """Return a problem when a page's path is not plain: its name becomes a link and an address."""
    folders_ok = all(_FOLDER_NAME.match(part) for part in relative.parts[:-1])
    if folders_ok and _PAGE_NAME.match(relative.name):
        return []
    message = (
        "a page's file name is lowercase letters, digits and hyphens, then `.<language>.md` "
        "(e.g. `about.en.md`), in folders named the same way"
    )
    return [Problem(name, 1, 1, "", message)]


def check_page(text: str, name: str) -> list[Problem]:
    """Return every problem of one hand-written page's text (`name` as messages show it)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    problems, body_start = _front_matter(text, name)
    body = text[body_start:]
    offset_line = text.count("\n", 0, body_start)
    for found in _ELEMENT.finditer(body):
        message = (
            f"a `<{found[1].lower()}>` element is not allowed in a page: pages hold text, "
            "links and images, never code or embedded documents"
        )
        problems.append(_at(name, body, found.start(), offset_line, "text", message))
    for found in _HANDLER.finditer(body):
        message = (
            f"an event-handler attribute (`{found[1]}=`) is not allowed in a page: it runs script"
        )
        problems.append(_at(name, body, found.start(1), offset_line, "text", message))
    for found in _STYLE.finditer(body):
        message = (
            "a `style` attribute is not allowed in a page: the site's stylesheets style it "
            "(and a page's own styles could dress it up as something else)"
        )
        problems.append(_at(name, body, found.start(1), offset_line, "text", message))
    for at, scheme in unsafe_links(body):
        message = (
            f"a `{scheme}` link or source is not allowed in a page: link to an `https:` "
            "address or to a page or file of the site"
        )
        problems.append(_at(name, body, at, offset_line, "text", message))
    return problems


def unsafe_links(text: str) -> list[tuple[int, str]]:
    """Return (offset in `text`, scheme) of every link or source with a refused scheme."""
    normal, origin = _normalised(text)
    return [(origin[found.start(1)], found[1]) for found in _LINK_START.finditer(normal)]


def _normalised(text: str) -> tuple[str, list[int]]:
    """Return `text` lower-cased with character references decoded and what browsers skip in a
    URL left out, and for each of its characters the offset in `text` it came from."""
    out: list[str] = []
    origin: list[int] = []
    at = 0
    while at < len(text):
        reference = _REFERENCE.match(text, at) if text[at] == "&" else None
        if reference:
            decoded, end = html.unescape(reference[0]), reference.end()
        else:
            decoded, end = text[at], at + 1
        for char in decoded:
            if not _SKIPPED.match(char):
                out.append(char.lower())
                origin.append(at)
        at = end
    return "".join(out), origin


def _front_matter(text: str, name: str) -> tuple[list[Problem], int]:
    """Return the front matter's problems and where the page's body starts."""
    if not _FRONT_OPEN.match(text):
        if _META_LINE.match(text):
            message = (
                "a first line `key: value` is read by MkDocs as the page's metadata: start the "
                "page with its heading, or write front matter between `---` lines"
            )
            return [Problem(name, 1, 1, "front matter", message)], 0
        return [], 0
    front = _FRONT.match(text)
    if front is None:
        message = "the front matter has no closing `---` line: MkDocs would show it as text"
        return [Problem(name, 1, 1, "front matter", message)], 0  # all of it is page text
    body_start = front.end()
    source = read_source(name, front[1].encode("utf-8"))
    problems = [
        Problem(p.file, p.line + 1, p.column, p.field, p.message, p.severity)
        for p in source.problems
    ]
    if problems:
        return problems, body_start
    data = source.data
    if data is None:
        return [], body_start
    if not isinstance(data, dict):
        message = "the front matter is not a mapping of keys: MkDocs would show it as text"
        return [Problem(name, 2, 1, "front matter", message)], body_start
    for key, value in data.items():
        where = source.position((key,), key=True)
        line, column = where.line + 1, where.column
        if key not in FRONT_MATTER_KEYS:
            allowed = ", ".join(f"`{k}`" for k in FRONT_MATTER_KEYS)
            message = f"unknown front matter key `{key}` (allowed: {allowed})"
            problems.append(Problem(name, line, column, str(key), message))
        elif key in ("title", "description"):
            if not isinstance(value, str):
                problems.append(Problem(name, line, column, key, f"`{key}` is a text"))
            elif _MARKUP.search(value):
                message = (
                    f"`<`, `>` and `&` are not allowed in `{key}`: the theme prints it as "
                    "HTML, so it must be plain text"
                )
                problems.append(Problem(name, line, column, key, message))
    return problems, body_start


def _at(name: str, body: str, offset: int, offset_line: int, field: str, message: str) -> Problem:
    """Return a Problem at character `offset` of the page's body."""
    line = body.count("\n", 0, offset) + 1
    column = offset - (body.rfind("\n", 0, offset) + 1) + 1
    return Problem(name, line + offset_line, column, field, message)
