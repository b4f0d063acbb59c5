"""Looking at a printed PDF as a reader would: its pages rasterised (poppler's `pdftoppm`) and
its text (`pdftotext`). No image library: `pdftoppm -gray` writes PGM, read here directly.

A *dark region* is a BLOCK × BLOCK pixel square at DPI dots per inch (40 px at 50 dpi: 2 cm on
paper) of which at least FILL of the pixels are near black (grey level below DARK). Text
cannot make one: the boldest heading glyphs at this size fill well under half of such a square,
and the site prints in its light scheme. A diagram whose colours were lost (black fills) does.
"""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

DPI = 50
BLOCK = 40
STEP = BLOCK // 2
DARK = 64
FILL = 0.9
_MARK = bytes(1 if level < DARK else 0 for level in range(256))


@dataclass(frozen=True)
class DarkRegion:
    """A square of near-black pixels: 1-based page number, top-left corner in pixels."""

    page: int
    x: int
    y: int


def _pgm(path: Path) -> tuple[int, int, bytes]:
    """Return width, height and the grey levels of a binary (P5) PGM file."""
    raw = path.read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", raw)
    assert header is not None, f"{path} is not a binary PGM"
    width, height = int(header[1]), int(header[2])
    return width, height, raw[header.end() : header.end() + width * height]


def dark_regions_in_image(width: int, height: int, levels: bytes, page: int) -> list[DarkRegion]:
    """Return the dark regions of one page's grey levels (row by row, `width` a row)."""
    marks = levels.translate(_MARK)
    needed = FILL * BLOCK * BLOCK
    found = []
    for y in range(0, height - BLOCK + 1, STEP):
        for x in range(0, width - BLOCK + 1, STEP):
            dark = sum(
                sum(marks[row * width + x : row * width + x + BLOCK]) for row in range(y, y + BLOCK)
            )
            if dark >= needed:
                found.append(DarkRegion(page, x, y))
    return found


def dark_regions(pdf: Path) -> list[DarkRegion]:
    """Return every dark region of every page of `pdf`, rasterised at DPI."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-gray", str(pdf), f"{folder}/page"],
            check=True,
            timeout=300,
        )
        found = []
        for image in sorted(Path(folder).glob("page-*.pgm")):
            number = int(image.stem.rsplit("-", 1)[1])
            found += dark_regions_in_image(*_pgm(image), page=number)
    return found


# The printable part of an A4 page (points) less the right margin (14 mm): text a table pushed
# past it is clipped on paper, and is left out here.
VISIBLE = ["-x", "0", "-y", "0", "-W", "556", "-H", "842"]


def pdf_text(pdf: Path) -> str:
    """Return the text of `pdf` a reader can see, in the order it was drawn (`-raw`: a table
    cell's lines stay together), without what lies beyond the right margin."""
    done = subprocess.run(
        ["pdftotext", "-raw", *VISIBLE, "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return done.stdout.decode("utf-8")


def squashed(text: str) -> str:
    """Return `text` NFKC-normalised without white space: a PDF's text breaks lines anywhere,
    and the CJK font's glyphs may read back as Kangxi radicals (⽂ U+2F42 for 文)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def holds(text: str, cell: str, *, window: int = 1500) -> bool:
    """Return whether the squashed `text` of a PDF holds the squashed `cell` as a table prints
    it: in pieces (its lines), in order, each piece at most `window` characters after the one
    before (the lines of the cells beside it come between), every piece two characters or more
    unless the cell ends there."""
    rest = squashed(cell)
    if not rest:
        return True
    start, end = 0, len(text)
    while rest:
        size = 0
        found = -1
        while size < len(rest):
            at = text.find(rest[: size + 1], start, end)
            if at < 0:
                break
            size, found = size + 1, at
        if found < 0 or (size < 2 and size < len(rest)):
            return False
        rest = rest[size:]
        start, end = found + size, found + size + window
    return True


def last_column_cells(page_html: str) -> list[str]:
    """Return the text of the last cell of every body row of every table in a built page's
    article, as a reader sees it."""
    article = page_html[page_html.find("<article") : page_html.rfind("</article>")]
    cells = []
    for table in re.findall(r"<table\b.*?</table>", article, re.DOTALL):
        for row in re.findall(r"<tr\b[^>]*>(.*?)</tr>", table, re.DOTALL):
            found = re.findall(r"<td\b[^>]*>(.*?)</td>", row, re.DOTALL)
            if found:
                text = html.unescape(re.sub(r"<[^>]+>", "", found[-1]))
                cells.append(" ".join(text.split()))
    return [cell for cell in cells if cell]
