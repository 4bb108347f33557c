"""The ``<option>`` elements of a ``<select>`` built once and reused.

Every inbox, dashboard and public page offers the same lists of categories, kelurahan and
units as filters; an ``OptionList`` renders them once and marks the chosen one per request
by a string replacement, instead of formatting every option on every page."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString


class OptionList:
    """``(value, label)`` pairs, in order, and their ``<option>`` markup."""

    def __init__(self, pairs: Iterable[tuple[object, object]]) -> None:
        self.pairs: tuple[tuple[str, str], ...] = tuple((str(v), str(t)) for v, t in pairs)
        self._html: SafeString | None = None

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def html(self, selected: object = None) -> SafeString:
        """The options, the one whose value equals ``selected`` (if any) marked selected."""
        if self._html is None:
            self._html = format_html_join("", '<option value="{}">{}</option>', self.pairs)
        chosen = "" if selected is None else str(selected)
        if not chosen:
            return self._html
        # Labels are escaped, so the opening tag of an option cannot occur inside one.
        tag = format_html('<option value="{}">', chosen)
        return SafeString(self._html.replace(tag, tag[:-1] + " selected>", 1))
