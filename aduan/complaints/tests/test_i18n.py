"""The English catalogue: pages switch language by cookie, and the .po/.mo pair is complete."""

from __future__ import annotations

import gettext
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

LC_MESSAGES = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES"
PO = LC_MESSAGES / "django.po"
MO = LC_MESSAGES / "django.mo"


def get(client, url, language=None):
    if language:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(url)
    assert response.status_code == 200
    return response, response.content.decode()


@pytest.mark.django_db
class TestPagesByLanguage:
    def test_home_is_indonesian_by_default(self, client, pekalongan):
        response, html = get(client, "/")
        assert response["Content-Language"] == "id"
        assert '<html lang="id">' in html
        assert "Buat laporan" in html
        assert "Lacak laporan" in html
        assert f"Laporan Anda diterima {pekalongan.name}, diverifikasi" in html
        assert "Submit a report" not in html

    def test_home_in_english_with_the_language_cookie(self, client, pekalongan):
        response, html = get(client, "/", language="en")
        assert response["Content-Language"] == "en"
        assert '<html lang="en">' in html
        assert "Submit a report" in html
        assert "Track a report" in html
        assert f"Your report is received by {pekalongan.name}, verified" in html
        assert "Buat laporan" not in html
        assert "Bahasa Indonesia" in html  # the switch now offers the way back

    def test_form_is_indonesian_by_default(self, client, pekalongan):
        url = reverse("complaints:new")
        assert url == "/lapor/"
        response, html = get(client, url)
        assert response["Content-Language"] == "id"
        assert "Apa yang terjadi?" in html
        assert "Kirim laporan" in html
        assert "Biasa: identitas terlihat oleh petugas yang menangani" in html

    def test_form_in_english_with_the_language_cookie(self, client, pekalongan):
        response, html = get(client, reverse("complaints:new"), language="en")
        assert response["Content-Language"] == "en"
        assert "What happened?" in html
        assert "Send report" in html
        assert "Anonymous: identity visible only to the Dinkominfo verifiers" in html
        assert "JPEG, PNG, WebP or PDF; up to" in html
        assert "Apa yang terjadi?" not in html
        assert "Kirim laporan" not in html


# --------------------------------------------------------------------------- the catalogue


def parse_po(path: Path) -> list[dict]:
    """A deliberately small .po reader: entries with flags, msgctxt, msgid(_plural), msgstr[n]."""
    entries: list[dict] = []
    entry: dict = {}
    key = None

    def finish():
        if "msgid" in entry:
            entries.append(dict(entry))
        entry.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            key = None
        elif line.startswith("#~"):
            entry["obsolete"] = True
        elif line.startswith("#,"):
            if "msgid" in entry:
                finish()
            entry["flags"] = {f.strip() for f in line[2:].split(",")}
        elif line.startswith("#"):
            if "msgid" in entry:
                finish()
        elif line.startswith('"'):
            assert key is not None, raw
            entry[key] += json.loads(line)
        else:
            key, _, value = line.partition(" ")
            if key == "msgid" and "msgid" in entry:
                finish()
            entry[key] = json.loads(value)
    finish()
    return entries


def translations(entry: dict) -> list[str]:
    return [value for key, value in entry.items() if key.startswith("msgstr")]


@pytest.fixture(scope="module")
def po_entries():
    entries = parse_po(PO)
    assert entries[0]["msgid"] == ""  # the header
    return entries


def test_the_catalogue_is_complete(po_entries):
    messages = [e for e in po_entries if e["msgid"]]
    assert len(messages) > 200
    empty = [e["msgid"] for e in messages if not all(translations(e))]
    assert empty == []
    fuzzy = [e["msgid"] or "(header)" for e in po_entries if "fuzzy" in e.get("flags", ())]
    assert fuzzy == []
    assert not [e for e in po_entries if e.get("obsolete")]
    plurals = [e for e in messages if "msgid_plural" in e]
    assert plurals and all("msgstr[0]" in e and "msgstr[1]" in e for e in plurals)


def test_the_compiled_catalogue_matches_the_po(po_entries):
    assert MO.exists(), "run: aduan compilemessages -l en"
    # A git checkout writes both files within moments of each other, in either order.
    assert MO.stat().st_mtime >= PO.stat().st_mtime - 2, "django.mo is older than django.po"
    with MO.open("rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    for e in po_entries:
        if not e["msgid"]:
            continue
        context = e.get("msgctxt")
        if "msgid_plural" in e:
            for n, index in ((1, 0), (2, 1)):
                got = (
                    catalogue.npgettext(context, e["msgid"], e["msgid_plural"], n)
                    if context
                    else catalogue.ngettext(e["msgid"], e["msgid_plural"], n)
                )
                assert got == e[f"msgstr[{index}]"], e["msgid"]
        else:
            got = (
                catalogue.pgettext(context, e["msgid"])
                if context
                else catalogue.gettext(e["msgid"])
            )
            assert got == e["msgstr"], e["msgid"]
