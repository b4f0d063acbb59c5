"""Command line: `python -m plandocs check | translations | generate OUT | schema`.

- `check [--format github]`: validate the data and the hand-written pages (docs/); every
  problem with file:line:column (exit 1), then the warnings: stale or unpinned
  translations, glossary terms left out (exit 0).
- `translations [--accept FILE[:FIELD]]...`: list every translation that is stale or not
  pinned, with the source text now, the one it was translated from and their difference; or
  pin translations after a review.
- `generate OUT [--site-url URL] [--pdf]`: write under OUT exactly the pages a build writes into
  docs/ (the same function makes them: plandocs.build.generate).
- `schema [--check]`: rewrite data/schema/ from the models (or only report stale schemas).

Works without MkDocs, so the data can be validated and the pages produced for any engine.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plandocs.build import generate
from plandocs.loader import Loaded, load, unsafe_entries
from plandocs.pagecheck import check_docs
from plandocs.pinning import PinError, accept
from plandocs.problems import DataError, Problem
from plandocs.review import tracked, warnings
from plandocs.schema import configured_languages, stale_schemas, write_schemas
from plandocs.site import load_checked, write_pages
from plandocs.translations import diff, earlier_source


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    parser = argparse.ArgumentParser(prog="plandocs", description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("data"), help="data folder (data)")
    parser.add_argument("--docs", type=Path, default=None, help="hand-written pages (DATA/../docs)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the data; exit 1 listing every problem")
    check.add_argument(
        "--format",
        choices=["plain", "github"],
        default="plain",
        help="plain: `file:line:column: field: message` lines; github: workflow annotations",
    )
    translations = commands.add_parser(
        "translations", help="list stale or unpinned translations, or pin them (--accept)"
    )
    translations.add_argument(
        "--accept",
        action="append",
        default=[],
        metavar="FILE[:FIELD]",
        help="pin the translations of a data file (or one field), or of a page (or a section)",
    )
    pages = commands.add_parser("generate", help="write the pages a build generates under OUT")
    pages.add_argument("out", type=Path)
    pages.add_argument(
        "--site-url", default="https://example.org/", help="the site's address (for the downloads)"
    )
    pages.add_argument("--pdf", action="store_true", help="as a build that prints the PDFs")
    schema = commands.add_parser("schema", help="rewrite DATA/schema/*.schema.json")
    schema.add_argument("--check", action="store_true", help="only report stale schemas")
    args = parser.parse_args(argv)

    if args.command == "schema":
        return _schema(args.data, check=args.check)
    docs = args.docs if args.docs is not None else args.data.parent / "docs"
    if args.command == "translations" and args.accept:
        return _accept(args.data, args.accept)
    github = getattr(args, "format", "plain") == "github"
    hand_written = _page_problems(docs) if args.command in ("check", "generate") else []
    try:
        if args.command == "generate":
            if hand_written:
                raise DataError([])  # the hand-written pages are reported below
            # Pages name data files as `data/…` whatever the folder is called, as in a build.
            generated = generate(args.data, docs_dir=docs, site_url=args.site_url, pdf=args.pdf)
            changed = write_pages(args.out, generated.pages)
            print(f"{len(changed)} page(s) written or removed under {args.out.as_posix()}/")
            return 0
        loaded = (load_checked if args.command == "check" else load)(
            args.data, label=args.data.as_posix()
        )
    except DataError as error:
        every = DataError(error.problems + hand_written)
        _report(every.problems, github=github)
        print(every.report(), file=sys.stderr)
        return 1
    if hand_written:
        _report(hand_written, github=github)
        print(DataError(hand_written).report(), file=sys.stderr)
        return 1
    if args.command == "check":
        found = warnings(loaded, docs)
        _report(found, github=github)
        print(f"{args.data.as_posix()}/ is valid" + (f" ({len(found)} warnings)" if found else ""))
        return 0
    return _list_translations(loaded, docs, args.data)


def _page_problems(docs: Path) -> list[Problem]:
    """Return the problems of the hand-written pages (links first: nothing is read through one)."""
    if not docs.is_dir():
        return []
    label = docs.as_posix()
    links = [p for p in unsafe_entries(docs, label) if not p.file.startswith(f"{label}/report")]
    return links or check_docs(docs, label)


def _report(problems: list[Problem], *, github: bool) -> None:
    """Print problems: as annotations on stdout (github), or as lines on stderr (warnings)."""
    if github:
        for problem in problems:
            print(problem.github())
    else:
        for problem in problems:
            if problem.severity == "warning":
                print(problem, file=sys.stderr)


def _list_translations(loaded: Loaded, docs: Path, data: Path) -> int:
    source_code = loaded.dataset.languages.codes[0]
    root = data.resolve().parent
    pending = [item for item in tracked(loaded, docs) if item.state != "current"]
    for item in pending:
        print(item.warning())
        print(f"    {source_code} now: {' '.join(item.source.split())}")
        if item.state == "stale":
            before = earlier_source(item, root, source_code)
            if before is None:
                print(f"    {source_code} then: (not found in this checkout's history)")
            else:
                then, now = " ".join(before.split()), " ".join(item.source.split())
                print(f"    {source_code} then: {then}")
                print(f"    difference: {diff(then, now)}")
    print(f"{len(pending)} translation(s) to review")
    return 0


def _accept(data: Path, targets: list[str]) -> int:
    languages = configured_languages(data)
    if not languages:
        print(
            f"{data.as_posix()}/languages.yml does not load: run `plandocs check`", file=sys.stderr
        )
        return 1
    root = data.resolve().parent
    try:
        for target in targets:
            for line in accept(target, root, languages):
                print(f"pinned {line}")
    except PinError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _schema(data: Path, *, check: bool) -> int:
    folder = data / "schema"
    languages = configured_languages(data)
    if not languages:
        print(
            f"{data.as_posix()}/languages.yml does not load: run `plandocs check`", file=sys.stderr
        )
        return 1
    if check:
        stale = stale_schemas(folder, languages)
        for name in stale:
            print(f"{folder.as_posix()}/{name} is stale: run `make schema`", file=sys.stderr)
        return 1 if stale else 0
    for name in write_schemas(folder, languages):
        print(f"updated {folder.as_posix()}/{name}")
    return 0
