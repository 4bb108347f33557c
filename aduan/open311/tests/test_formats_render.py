"""The XML and JSON writers give the bytes ElementTree and ``json.dumps`` of the plain tree
gave (the writers build no tree of their own)."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pytest

from aduan.open311.formats import Many, Node, _text, to_json, to_xml

NODES: list[Node] = [
    None,
    "",
    "\x07",
    "teks <&> \"kutip\" 'satu' ]]> ünïcode \U0001f600 \r\n\t",
    True,
    False,
    0,
    -6.8886,
    1e-7,
    {},
    Many("x", []),
    {"a": None, "b": "", "c": {}, "d": Many("e", []), "f": {"g": Many("h", [1, "", None])}},
    Many("request", [{"id": "1", "notes": Many("note", [{"t": "a&b"}, {}])}, {"id": None}]),
]


def _fill(element: ET.Element, node: Node) -> None:
    if node is None:
        return
    if isinstance(node, dict):
        for name, child in node.items():
            _fill(ET.SubElement(element, name), child)
    elif isinstance(node, Many):
        for child in node.items:
            _fill(ET.SubElement(element, node.item), child)
    else:
        element.text = _text(node)


def _plain(node: Node) -> object:
    if isinstance(node, dict):
        return {name: _plain(child) for name, child in node.items()}
    if isinstance(node, Many):
        return [_plain(child) for child in node.items]
    return node


@pytest.mark.parametrize("node", NODES)
def test_xml_is_what_elementtree_wrote(node):
    element = ET.Element("root")
    _fill(element, node)
    expected = '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(element, encoding="unicode")
    assert to_xml("root", node) == expected.encode("utf-8")


@pytest.mark.parametrize("node", NODES)
def test_json_is_what_json_dumps_of_the_plain_tree_wrote(node):
    expected = json.dumps(_plain(node), ensure_ascii=False, separators=(",", ":"))
    assert to_json(node) == expected.encode("utf-8")


def test_a_value_that_is_not_a_node_is_refused():
    with pytest.raises(TypeError):
        to_json({"a": object()})  # type: ignore[dict-item]
