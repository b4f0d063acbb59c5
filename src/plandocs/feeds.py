"""The Atom feeds of the changes page, one a language (`feed-<code>.atom`): one entry a commit
that changed data/ or docs/, naming the records it added, changed or removed and linking to the
changes page. Without git history the feed has one entry that says so, dated by the build, so
it stays a valid feed.

Written with ElementTree: every text from the data or git is escaped by the serializer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

from plandocs.changelog import History, record_id
from plandocs.model import Dataset
from plandocs.pages.changes import feed_path
from plandocs.render.locale import Lang

ATOM = "http://www.w3.org/2005/Atom"
XML = "http://www.w3.org/XML/1998/namespace"


def _stamp(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _tag(site_url: str, day: dt.datetime, specific: str) -> str:
    """Return a tag URI (RFC 4151) for the site, stable for a commit and a language."""
    host = urlsplit(site_url).hostname or "localhost"
    return f"tag:{host},{day:%Y-%m-%d}:{specific}"


def page_url(site_url: str, lang: Lang) -> str:
    """Return the absolute address of the changes page in `lang`."""
    prefix = "" if lang.code == lang.source_code else f"{lang.code}/"
    return urljoin(site_url, f"{prefix}report/changes/")


def atom(data: Dataset, lang: Lang, history: History, site_url: str, now: dt.datetime) -> bytes:
    """Return the Atom feed of the changes in `lang`."""
    words = data.labels.changes
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {f"{{{XML}}}lang": lang.code})
    page = page_url(site_url, lang)
    first = history.commits[-1].when if history.commits else now
    ET.SubElement(feed, f"{{{ATOM}}}id").text = _tag(site_url, first, f"changes:{lang.code}")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = words.feed_title(lang)
    updated = history.commits[0].when if history.commits else now
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(updated)
    self_url = urljoin(site_url, feed_path(lang.code))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": self_url})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": page})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = words.feed_title(lang)
    for commit in history.commits or ():
        files = sorted({entry.file for entry in commit.entries})
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        specific = f"{commit.sha}:{lang.code}"
        ET.SubElement(entry, f"{{{ATOM}}}id").text = _tag(site_url, commit.when, specific)
        title = words.feed_entry(lang).format(count=len(commit.entries), files=", ".join(files))
        ET.SubElement(entry, f"{{{ATOM}}}title").text = title
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(commit.when)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": page})
        lines = [
            f"{words.kinds[e.kind](lang)}: {e.file} {record_id(e) or words.whole_file(lang)}"
            for e in commit.entries
        ]
        ET.SubElement(entry, f"{{{ATOM}}}content", {"type": "text"}).text = "\n".join(lines)
    if not history.commits:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        digest = hashlib.sha256(_stamp(now).encode()).hexdigest()[:12]
        ET.SubElement(entry, f"{{{ATOM}}}id").text = _tag(site_url, now, f"build:{digest}")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = words.title(lang)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(now)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": page})
        text = words.no_history(lang) if not history.available else words.intro(lang)
        ET.SubElement(entry, f"{{{ATOM}}}content", {"type": "text"}).text = text
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True)) + b"\n"


def feed_titles(data: Dataset) -> dict[str, str]:
    """Return each language's feed title, for the `<link rel="alternate">` of every page."""
    return {code: data.labels.changes.feed_title(code) for code in data.languages.codes}
