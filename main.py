"""Cruxmap entry point: no arguments opens the app; a .cruxmap path opens that map;
a subcommand (`info`, `new`, `credence`, `import`, `export`, `trends`, …) runs headless."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

import cli


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad arguments in one line with exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"cruxmap: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cruxmap", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for info in sorted(pkgutil.iter_modules(cli.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"cli.{info.name}")
        if hasattr(module, "register"):
            module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or (len(argv) == 1 and argv[0].endswith(".cruxmap")):
        return _run_app(argv[0] if argv else None)  # the window: no parser, no CLI modules
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    if not argv or (argv[0] not in commands and argv[0] not in ("-h", "--help")):
        if len(argv) > 1:
            parser.error(f"unknown command {argv[0]!r}")
        return _run_app(argv[0] if argv else None)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run_app(path: str | None) -> int:
    from ui.platform_check import missing_platform_libraries, no_display, preload_before_qt

    problem = missing_platform_libraries() or no_display()
    if problem:  # say it in one line, before Qt would abort with its plugin message
        print(f"cruxmap: {problem}", file=sys.stderr)
        return 1
    preload_before_qt()
    from ui.app import run_app

    return run_app(path)


if __name__ == "__main__":
    sys.exit(main())
