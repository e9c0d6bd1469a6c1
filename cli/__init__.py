"""Headless subcommands of `python main.py`; each module offers `register(subparsers)`."""
