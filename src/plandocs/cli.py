"""Command line: `plandocs check | translations | generate OUT | changes BASE | schema`.

- `check [--format github]`: validate the data and the hand-written pages (docs/); every
  problem with file:line:column (exit 1), then the warnings: stale or unpinned
  translations, glossary terms left out (exit 0).
- `translations [--accept FILE[:FIELD]]...`: list every translation that is stale or not
  pinned, with the source text now, the one it was translated from and their difference; or
  pin translations after a review.
- `generate OUT [--site-url URL] [--pdf]`: write under OUT exactly the pages a build writes into
  docs/ (the same function makes them: plandocs.build.generate).
- `changes BASE`: a Markdown summary of the pages, data records and translations that differ
  between the data folder BASE (main's) and --data (the pull request's), for the preview.
- `schema [--check]`: rewrite data/schema/ from the models (or only report stale schemas).

Works without MkDocs, so the data can be validated and the pages produced for any engine.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plandocs.annotations import annotate
from plandocs.build import generate
from plandocs.changes import summary_or_problem
from plandocs.explain import explainer, report, report_lines
from plandocs.languagecheck import language_problems
from plandocs.loader import Loaded, load, unsafe_entries
from plandocs.pagecheck import check_docs
from plandocs.pinning import PinError, accept
from plandocs.problems import DataError, Problem, printable
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
        help="plain: `file:line:column: field: message` lines; github: workflow annotations "
        "(problems on changed lines first) and a table in $GITHUB_STEP_SUMMARY",
    )
    check.add_argument(
        "--changed-from",
        metavar="REF",
        default=None,
        help="github format: a git ref (the pull request's base); problems on the lines changed "
        "since it come first",
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
    changes = commands.add_parser(
        "changes",
        help="Markdown summary of the pages, records and translations that differ from BASE",
    )
    changes.add_argument("base", type=Path, help="the data folder to compare with (main's)")
    schema = commands.add_parser("schema", help="rewrite DATA/schema/*.schema.json")
    schema.add_argument("--check", action="store_true", help="only report stale schemas")
    args = parser.parse_args(argv)

    if args.command == "schema" or (args.command == "translations" and args.accept):
        # Commands that write under data/ (or read it without the loader): nothing under it
        # may lead elsewhere, e.g. a linked data/schema/ would be written through.
        unsafe = unsafe_entries(args.data, args.data.as_posix())
        if unsafe:
            print(DataError(unsafe).report(), file=sys.stderr)
            return 1
    if args.command == "schema":
        return _schema(args.data, check=args.check)
    if args.command == "changes":
        print(summary_or_problem(args.base, args.data), end="")
        return 0
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
        every = error.problems + hand_written
        if github:
            annotate(every, args.data, changed_from=args.changed_from)
        print(report(every, args.data), file=sys.stderr)
        return 1
    if hand_written:
        if github:
            annotate(hand_written, args.data, changed_from=args.changed_from)
        print(report(hand_written, args.data), file=sys.stderr)
        return 1
    if args.command == "check":
        config = args.data.parent / "mkdocs.yml"
        if config.exists():  # the data may also feed another engine, without mkdocs.yml
            languages, source = loaded.dataset.languages, loaded.sources["languages"]
            unbuilt = language_problems(config, config.as_posix(), languages, source)
            if unbuilt:
                if github:
                    annotate(unbuilt, args.data, changed_from=args.changed_from)
                print(report(unbuilt, args.data), file=sys.stderr)
                return 1
        found = warnings(loaded, docs)
        if github:
            annotate(found, args.data, changed_from=args.changed_from)
        elif found:
            print(report(found, args.data).rsplit("\n", 1)[0], file=sys.stderr)
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


def _list_translations(loaded: Loaded, docs: Path, data: Path) -> int:
    source_code = loaded.dataset.languages.codes[0]
    root = data.resolve().parent
    pending = [item for item in tracked(loaded, docs) if item.state != "current"]
    words = explainer(data)
    for item in pending:
        print("\n".join(report_lines([words.explain(item.warning())], words.languages)))
        # Texts of pages and of old commits were never checked: shown printable, so no escape
        # sequence or direction control reaches the terminal.
        print(f"    {source_code} now: {printable(' '.join(item.source.split()))}")
        if item.state == "stale":
            before = earlier_source(item, root, source_code)
            if before is None:
                print(f"    {source_code} then: (not found in this checkout's history)")
            else:
                then, now = " ".join(before.split()), " ".join(item.source.split())
                print(f"    {source_code} then: {printable(then)}")
                print(f"    difference: {printable(diff(then, now))}")
    print(f"{len(pending)} translation(s) to review")
    return 0


def _accept(data: Path, targets: list[str]) -> int:
    languages = configured_languages(data)
    if not languages:
        print(f"{data.as_posix()}/languages.yml does not load: run `make check`", file=sys.stderr)
        return 1
    root = data.absolute().parent  # not resolved: a linked data/ is refused, not followed
    try:
        for target in targets:
            written = accept(target, root, languages)
            for line in written:
                print(f"pinned {line}")
            if not written:
                print(f"{target}: nothing to pin (every translation is pinned to its source)")
    except PinError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:  # e.g. a read-only checkout: said plainly, nothing half written
        print(
            f"{error.filename or 'a file'}: cannot be written ({error.strerror})", file=sys.stderr
        )
        return 1
    return 0


def _schema(data: Path, *, check: bool) -> int:
    folder = data / "schema"
    languages = configured_languages(data)
    if not languages:
        print(f"{data.as_posix()}/languages.yml does not load: run `make check`", file=sys.stderr)
        return 1
    if check:
        stale = stale_schemas(folder, languages)
        for name in stale:
            print(f"{folder.as_posix()}/{name} is stale: run `make schema`", file=sys.stderr)
        return 1 if stale else 0
    for name in write_schemas(folder, languages):
        print(f"updated {folder.as_posix()}/{name}")
    return 0
