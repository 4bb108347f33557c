"""Helpers without models: environment settings, text normalisation, typing helpers."""
