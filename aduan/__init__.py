"""Aduan: receive, route, answer and learn from citizens' complaints about public services."""

__version__ = "0.1.0"
