"""This app's English catalogue: every string translated, the .mo compiled from the .po."""

from __future__ import annotations

import gettext
from pathlib import Path

from aduan.complaints.tests.test_i18n import parse_po, translations

LC_MESSAGES = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES"


def test_every_string_is_translated_and_compiled():
    entries = parse_po(LC_MESSAGES / "django.po")
    messages = [e for e in entries if e["msgid"]]
    assert len(messages) > 90
    assert [e["msgid"] for e in messages if not all(translations(e))] == []
    assert not [e for e in entries if "fuzzy" in e.get("flags", ())]
    with (LC_MESSAGES / "django.mo").open("rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    for e in messages:
        if "msgid_plural" in e:
            assert catalogue.ngettext(e["msgid"], e["msgid_plural"], 2) == e["msgstr[1]"]
        else:
            assert catalogue.gettext(e["msgid"]) == e["msgstr"], e["msgid"]
