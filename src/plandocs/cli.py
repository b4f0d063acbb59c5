"""Command line: `python -m plandocs check [--format github] | generate OUT | schema [--check]`.

Works without MkDocs, so the data can be validated and the pages produced for any engine.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plandocs.loader import load_dataset
from plandocs.problems import DataError
from plandocs.schema import configured_languages, stale_schemas, write_schemas
from plandocs.site import build_pages, write_pages


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    parser = argparse.ArgumentParser(prog="plandocs", description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("data"), help="data folder (data)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the data; exit 1 listing every problem")
    check.add_argument(
        "--format",
        choices=["plain", "github"],
        default="plain",
        help="plain: `file:line:column: field: message` lines; github: workflow annotations",
    )
    generate = commands.add_parser("generate", help="write the generated pages under OUT")
    generate.add_argument("out", type=Path)
    schema = commands.add_parser("schema", help="rewrite DATA/schema/*.schema.json")
    schema.add_argument("--check", action="store_true", help="only report stale schemas")
    args = parser.parse_args(argv)

    if args.command == "schema":
        return _schema(args.data, check=args.check)
    try:
        data = load_dataset(args.data, label=args.data.as_posix())
    except DataError as error:
        if getattr(args, "format", "plain") == "github":
            print("\n".join(problem.github() for problem in error.problems))
        print(error.report(), file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"{args.data.as_posix()}/ is valid")
        return 0
    changed = write_pages(args.out, build_pages(data))
    print(f"{len(changed)} page(s) written or removed under {args.out.as_posix()}/")
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
