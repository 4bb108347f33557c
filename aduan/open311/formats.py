"""The wire formats of GeoReport v2: XML (required) and JSON, errors, and W3C dates.

A response is built from plain values: a ``dict`` is an element with child elements (a JSON
object), ``Many`` is a list whose XML items carry a name (a bare JSON array), and scalars are
text. The same value renders as XML and as JSON, so the two formats cannot drift apart:

    render("xml", "services", Many("service", [{"service_code": "jalan"}]))
    -> <?xml version="1.0" encoding="utf-8"?><services><service><service_code>jalan…
    render("json", "services", Many("service", [{"service_code": "jalan"}]))
    -> [{"service_code": "jalan"}]

``None`` is an empty element in XML and ``null`` in JSON; booleans are ``true``/``false`` in
both. XML has no namespace and only characters XML 1.0 allows (control characters in citizen
text are dropped, never sent as invalid XML).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TypeAlias

from django.http import HttpResponse
from django.utils import timezone

XML_CONTENT_TYPE = "text/xml; charset=utf-8"
JSON_CONTENT_TYPE = "application/json; charset=utf-8"
FORMATS = ("xml", "json")
#: Advertised in discovery, in this order (XML is the required one).
MEDIA_TYPES = ("text/xml", "application/json")

_XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class Many:
    """A list: bare in JSON, ``<item>`` elements inside their parent in XML."""

    __slots__ = ("item", "items")

    def __init__(self, item: str, items: Iterable[Node]) -> None:
        self.item = item
        self.items: list[Node] = list(items)


Node: TypeAlias = dict[str, "Node"] | Many | str | bool | int | float | None


class Open311Error(Exception):
    """A request the server refuses: HTTP ``status`` (400, 403 or 404) and one or more
    descriptions, each becoming an ``<error>``."""

    def __init__(self, status: int, *descriptions: str) -> None:
        self.status = status
        self.descriptions = list(descriptions) or ["Error"]
        super().__init__("; ".join(self.descriptions))


# --------------------------------------------------------------------------- rendering


def _text(value: str | bool | int | float) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _escape(text: str) -> str:
    """Text content escaped as ``ElementTree`` escapes it (``&``, ``<``, ``>``)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _write(out: list[str], name: str, node: Node) -> None:
    """``node`` as the element ``name``, serialised as ``ElementTree.tostring`` would (an
    element without text or children is ``<name />``), without building a tree."""
    if isinstance(node, dict):
        if node:
            out.append(f"<{name}>")
            for key, child in node.items():
                _write(out, key, child)
            out.append(f"</{name}>")
            return
    elif isinstance(node, Many):
        if node.items:
            out.append(f"<{name}>")
            item = node.item
            for child in node.items:
                _write(out, item, child)
            out.append(f"</{name}>")
            return
    elif node is not None:
        text = _text(node)
        if text:
            out.append(f"<{name}>{_escape(text)}</{name}>")
            return
    out.append(f"<{name} />")


def to_xml(root: str, node: Node) -> bytes:
    out = [_XML_DECLARATION]
    _write(out, root, node)
    return "".join(out).encode("utf-8")


def _items(node: object) -> list[Node]:
    if isinstance(node, Many):
        return node.items
    raise TypeError(f"{type(node).__name__} is not a node")


def to_json(node: Node) -> bytes:
    """The same as ``json.dumps(to_plain(node))``, without copying the tree first."""
    return json.dumps(node, ensure_ascii=False, separators=(",", ":"), default=_items).encode(
        "utf-8"
    )


def render(fmt: str, root: str, node: Node, *, status: int = 200) -> HttpResponse:
    """The response for ``node`` in ``fmt`` ("xml" or "json"); ``root`` names the XML root."""
    if fmt == "json":
        return HttpResponse(to_json(node), content_type=JSON_CONTENT_TYPE, status=status)
    return HttpResponse(to_xml(root, node), content_type=XML_CONTENT_TYPE, status=status)


def render_error(fmt: str, error: Open311Error) -> HttpResponse:
    """``<errors><error><code/><description/></error></errors>``; in JSON an array of
    ``{code, description}``."""
    errors = Many(
        "error",
        [{"code": str(error.status), "description": text} for text in error.descriptions],
    )
    return render(fmt, "errors", errors, status=error.status)


def format_of_path(path: str) -> str:
    """The format a path asks for by its suffix; XML (the required format) otherwise."""
    return "json" if path.rstrip("/").lower().endswith(".json") else "xml"


# --------------------------------------------------------------------------- dates


def w3c(moment: datetime | None) -> str | None:
    """``2026-03-17T10:00:00+07:00``: W3C ISO-8601 in the server's zone, zone always given."""
    if moment is None:
        return None
    return timezone.localtime(moment).isoformat(timespec="seconds")


def w3c_formatter() -> Callable[[datetime | None], str | None]:
    """``w3c`` for the many dates of one response: the server's zone is looked up once."""
    zone = timezone.get_current_timezone()

    def format_w3c(moment: datetime | None) -> str | None:
        if moment is None:
            return None
        return moment.astimezone(zone).isoformat(timespec="seconds")

    return format_w3c


# A "+07:00" offset in a query string that the client did not percent-encode arrives as a
# space ("... 07:00"): put the plus back.
_LOST_PLUS = re.compile(r" (\d{2}(?::?\d{2})?)$")


def parse_w3c(value: str, name: str) -> datetime:
    """A W3C date/time from a parameter. ``Z`` and offsets are honoured; a value without a
    zone (or a bare date) is read in the server's zone (WIB). Anything else is a 400."""
    text = _LOST_PLUS.sub(r"+\1", value.strip())
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise Open311Error(
            400,
            f"{name}: format tanggal tidak dikenal; gunakan W3C, mis. 2026-01-01T00:00:00+07:00 "
            f"/ {name}: unknown date format; use W3C, e.g. 2026-01-01T00:00:00Z",
        ) from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment
