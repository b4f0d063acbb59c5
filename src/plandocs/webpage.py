"""What the build adds to pages of every kind, generated or hand-written: marks on stale
translations (linked to the same place in the source language), the note at the top of a page
that has them, and the abbreviations of the glossary.

Pure string functions; the MkDocs hook calls them for each page.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from urllib.parse import urlsplit

from plandocs.build import Generated
from plandocs.glossary import abbreviations
from plandocs.history import latest
from plandocs.model import Dataset
from plandocs.pages import home
from plandocs.render import markdown as md
from plandocs.render.markdown import Md
from plandocs.site import languages, stale_banner, with_banner
from plandocs.wordmatch import whole_term

_ID = re.compile(r'\sid="([^"]+)"')
_HEADING = re.compile(r"^#{1,6} .*\{#([A-Za-z0-9_-]+)\}\s*$", re.MULTILINE)
_SOURCE_LINK = re.compile(r'<a class="source-page"(?: data-anchor="([a-z0-9-]*)")?>(.*?)</a>')
_ABBREVIATION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+/&-]{0,30}$")


def mark_stale_sections(markdown: str, stale: list[str], data: Dataset, code: str) -> str:
    """Return a hand-written page with a mark under each stale section's heading and the
    stale-translation note at its top."""
    if not stale:
        return markdown
    lang = next(lang for lang in languages(data) if lang.code == code)

    def mark(match: re.Match[str]) -> str:
        return f"{match[0]}\n\n{md.STALE_MARK}" if match[1] in stale else match[0]

    return with_banner(_HEADING.sub(mark, markdown), stale_banner(data, lang))


def abbreviations_for(data: Dataset, code: str) -> str:
    """Return Markdown `abbr` definitions of the glossary's abbreviations in language `code`."""
    lines = [
        f"*[{term}]: {' '.join(expansion.split())}"
        for term, expansion in abbreviations(data.glossary, code)
        if _ABBREVIATION.match(term)
    ]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""


def focusable_abbreviations(page: str) -> str:
    """Return a page whose abbreviations can take focus, so that a tap on a touch screen shows
    their expansion (the stylesheet shows it on focus)."""
    return page.replace("<abbr title=", '<abbr tabindex="0" title=')


def source_twin(url: str, code: str, source_code: str) -> str:
    """Return the link from the page at `url` (in language `code`) to its source-language twin."""
    prefix = f"{code}/"
    twin = url.removeprefix(prefix) if code != source_code else url
    return "../" * url.count("/") + twin


def mark_page(page: str, url: str, data: Dataset, code: str) -> str:
    """Return a page's HTML with its stale-translation marks and source-page links filled in."""
    source_code = data.languages.codes[0]
    if code == source_code or "<a class=" not in page:
        return page
    words = data.labels.site
    twin = html.escape(source_twin(url, code, source_code))
    label = html.escape(words.stale_marker(code))
    name = html.escape(words.source_page(code))

    def source_link(found: re.Match[str]) -> str:
        anchor = f"#{html.escape(found[1])}" if found[1] else ""
        return f'<a class="source-page" href="{twin}{anchor}">{found[2] or name}</a>'

    page = _SOURCE_LINK.sub(source_link, page)  # first: it changes where the marks stand
    marks: list[int] = []  # where each mark stands once the marks are taken out
    for found in re.finditer(re.escape(md.STALE_MARK), page):
        marks.append(found.start() - len(marks) * len(md.STALE_MARK))
    page = page.replace(md.STALE_MARK, "")  # each mark is placed again, as a link, below
    for at in reversed(marks):
        ids = _ID.findall(page, 0, at)
        anchor = html.escape(f"#{ids[-1]}") if ids else ""
        if page.count("<a ", 0, at) > page.count("</a>", 0, at):  # inside a link: after it
            at = page.index("</a>", at) + len("</a>")
        mark = (
            f'<a class="stale-translation" href="{twin}{anchor}" '
            f'title="{label}" aria-label="{label}">⚠</a>'
        )
        page = page[:at] + mark + page[at:]
    return page


# Elements whose text is not running text: a mention there is not linked.
_NO_LINKS = {
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "code",
    "pre",
    "svg",
    "script",
    "style",
    "figcaption",
    "button",
    "label",
    "title",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_VOID = {
    "area",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>")


def link_source_mentions(content: str, url: str, data: Dataset, code: str) -> str:
    """Return a page's content with the first mention of the source in each section linked to
    the source's page, and the first mention of each of its appendices to that appendix (in
    running text only; a heading starts a new section)."""
    words = data.labels.site
    if url.endswith("report/source/"):
        return content
    prefix = "" if code == data.languages.codes[0] else f"{code}/"
    page = "../" * url.count("/") + f"{prefix}report/source/"
    appendix = whole_term(words.appendix_mention(code), placeholder="([A-Z])")
    mention = re.compile(f"{appendix}|{whole_term(words.source_mention(code))}")

    linked: set[str] = set()  # the addresses linked in the current section

    def link(found: re.Match[str]) -> str:
        href = page + (f"#appendix-{found[1].lower()}" if found[1] else "")
        if href in linked:
            return found[0]
        linked.add(href)
        return f'<a class="source-mention" href="{href}">{found[0]}</a>'

    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements, and whether their text is skipped
    last = 0
    for tag in _TAG.finditer(content):
        text = content[last : tag.start()]
        skipping = bool(stack) and stack[-1][1]
        out.append(text if skipping else mention.sub(link, text))
        closing, name, attributes = tag[1], tag[2].lower(), tag[3]
        if not closing and name in _HEADINGS:
            linked.clear()
        if closing:
            while stack and stack.pop()[0] != name:
                pass
        elif name not in _VOID and not attributes.rstrip().endswith("/"):
            skip = skipping or name in _NO_LINKS or "admonition-title" in attributes
            stack.append((name, skip))
        out.append(tag[0])
        last = tag.end()
    tail = content[last:]
    out.append(tail if stack and stack[-1][1] else mention.sub(link, tail))
    return "".join(out)


def last_updated(data: Dataset, code: str, changes: dict[str, dt.datetime], origin: str) -> str:
    """Return the line that says when a page's source last changed (its data file, or its
    Markdown file; for a page made from everything, the last change of data/ and docs/), or
    nothing when the history is unknown (a build outside git)."""
    when = changes.get(origin) if origin else latest(changes, "")
    if when is None:
        return ""
    lang = next(lang for lang in languages(data) if lang.code == code)
    day = when.date()
    text = md.fill(
        data.labels.site.updated(lang),
        date=Md(f'<time datetime="{day.isoformat()}">{html.escape(lang.date(day))}</time>'),
    )
    return f'\n<p class="page-updated">{text}</p>\n'


_FILE_SIZE = re.compile(r'<span class="site-file-size" data-path="([^"]*)"></span>')


def fill_file_sizes(page: str, sizes: dict[str, int], data: Dataset, code: str) -> str:
    """Return a page with the size of each file written after the pages (the PDFs) filled in,
    in the page's language; a file not written keeps an empty place."""
    lang = next(lang for lang in languages(data) if lang.code == code)

    def size(found: re.Match[str]) -> str:
        path = html.unescape(found[1])
        if path not in sizes:
            return found[0]
        marks = lang.punctuation
        text = html.escape(f"{marks.open_paren}{lang.file_size(sizes[path])}{marks.close_paren}")
        return f'<span class="site-file-size" data-path="{found[1]}">{text}</span>'

    return _FILE_SIZE.sub(size, page)


_SITE_FILE = re.compile(r'<a class="site-file" data-path="([^"]*)">')


def link_site_files(page: str, url: str) -> str:
    """Return a page whose links to files written after the pages (the printable PDFs) are
    relative to the page's own address."""
    up = "../" * url.count("/")
    return _SITE_FILE.sub(lambda found: f'<a class="site-file" href="{up}{found[1]}">', page)


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_TITLE = re.compile(r"^# (.*?)(?: \{#[A-Za-z0-9_-]+\})?\s*$", re.MULTILINE)


def page_title(markdown: str) -> str:
    """Return a page's title as Markdown: its first level-1 heading, without its anchor."""
    found = _TITLE.search(_FRONT_MATTER.sub("", markdown, count=1))
    return found[1] if found else ""


def language_neutral(src_uri: str) -> str:
    """Return a page's link as Markdown writes it in every language: `report/plan.md`."""
    return re.sub(r"\.[a-z]{2,3}\.md$", ".md", src_uri)


def home_page(
    markdown: str, generated: Generated, code: str, nav: list[tuple[str, list[tuple[str, str]]]]
) -> str:
    """Return the home page with the plan at a glance and the contents in place of their
    markers (`<!-- plandocs:glance -->`, `<!-- plandocs:contents -->`)."""
    data = generated.data
    lang = next(lang for lang in languages(data) if lang.code == code)
    sections = [(title, [(Md(text), href) for text, href in pages]) for title, pages in nav]
    markdown = markdown.replace("<!-- plandocs:glance -->", home.glance(data, lang))
    return markdown.replace("<!-- plandocs:contents -->", home.contents(sections))


def site_relative_alternates(
    alternates: list[dict[str, str]], site_url: str
) -> list[dict[str, str]]:
    """Return the language switcher's links relative to the site root (`en/`, `./`), not
    absolute under the site's address (`/site/en/`); the theme then makes them page-relative."""
    base = urlsplit(site_url).path.rstrip("/") + "/"
    relative = []
    for alternate in alternates:
        link = alternate.get("link", "")
        if link.startswith(base):
            link = link.removeprefix(base) or "./"
        relative.append({**alternate, "link": link})
    return relative


_PERMALINK = re.compile(r'(<a class="headerlink" href="#[^"]*") title="[^"]*"')


def permalink_titles(page: str, title: str) -> str:
    """Return a page whose headings' permanent links are titled in the page's language (the
    Markdown extension writes one title for every language)."""
    return _PERMALINK.sub(lambda found: f'{found[1]} title="{html.escape(title)}"', page)
