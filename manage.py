#!/usr/bin/env python
"""Django's manage.py; the installed `aduan` command does the same."""

from aduan.__main__ import main

if __name__ == "__main__":
    main()
