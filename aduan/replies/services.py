"""Writes of the replies app: the verdict of every reply sent to a citizen, templates saved by
their managers, and the shipped template library."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db import transaction

from aduan.complaints.choices import EventKind
from aduan.organisation.models import Category, Jurisdiction, Unit
from aduan.replies import checker, selectors
from aduan.replies.choices import Situation
from aduan.replies.fill import unknown_placeholders
from aduan.replies.models import ReplyReview, ResponseTemplate

if TYPE_CHECKING:
    from aduan.accounts.models import User
    from aduan.complaints.models import ComplaintEvent

#: Events that carry a message an officer wrote to the citizen.
REVIEWED_KINDS = frozenset(
    {
        EventKind.FOLLOW_UP,
        EventKind.INFO_REQUESTED,
        EventKind.REFERRED,
        EventKind.RESOLVED,
        EventKind.ARCHIVED,
    }
)

DEFAULTS_DIR = Path(__file__).resolve().parent / "defaults"


def reply_review_record(event: ComplaintEvent) -> ReplyReview | None:
    """Record the tone verdict of ``event`` when it is a staff message to the citizen.

    ``complaints.services._event`` calls this for every event it writes, inside the same
    transaction: the verdict exists exactly when the event does.
    """
    if (
        event.kind not in REVIEWED_KINDS
        or event.actor_id is None
        or not event.is_public
        or not event.message.strip()
    ):
        return None
    complaint = event.complaint
    verdict = checker.check(
        event.message, complaint.description, selectors.unit_names(complaint.jurisdiction_id)
    )
    unit_id = event.from_unit_id or complaint.unit_id or complaint.jurisdiction.operator_unit_id
    return ReplyReview.objects.create(
        event=event,
        complaint=complaint,
        jurisdiction_id=complaint.jurisdiction_id,
        officer_id=event.actor_id,
        unit_id=unit_id,
        kind=event.kind,
        score=verdict.score,
        acceptable=verdict.acceptable,
        flaws=verdict.as_dict()["flaws"],
        flaw_codes=f" {' '.join(verdict.codes)} " if verdict.flaws else "",
        created_at=event.created_at,
    )


class TemplateError(ValueError):
    """A template file that cannot be loaded; nothing was written."""


def template_mark_edited(*, template: ResponseTemplate, user: User | None) -> ResponseTemplate:
    """Save a template its manager edited: the shipped-defaults loader leaves it alone from
    now on."""
    template.customised = True
    template.updated_by = user
    template.save()
    return template


def templates_load(slug: str = "pekalongan", *, base_dir: Path | None = None) -> dict[str, int]:
    """Create the shipped templates of ``defaults/<slug>/templates.toml`` that are missing
    and refresh those nobody edited; templates edited here are never overwritten, and rows
    only in the database are never deleted. A second run writes nothing. Returns the counts
    ``templates``, ``created``, ``updated``, ``kept`` (edited locally)."""
    path = (base_dir or DEFAULTS_DIR) / slug / "templates.toml"
    if not path.is_file():
        raise TemplateError(f"Berkas templat '{slug}/templates.toml' tidak ditemukan.")
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{slug}/templates.toml: TOML tidak valid: {exc}") from exc
    jurisdiction = Jurisdiction.objects.filter(slug=slug).first()
    if jurisdiction is None:
        raise TemplateError(
            f"Yurisdiksi '{slug}' belum ada; jalankan 'aduan load-defaults' lebih dulu."
        )
    counts = {"templates": 0, "created": 0, "updated": 0, "kept": 0}
    with transaction.atomic():
        for number, entry in enumerate(data.get("template", []), start=1):
            values = _template_values(jurisdiction, entry, f"template #{number}")
            counts["templates"] += 1
            existing = ResponseTemplate.objects.filter(
                jurisdiction=jurisdiction, code=values["code"]
            ).first()
            if existing is None:
                ResponseTemplate.objects.create(jurisdiction=jurisdiction, **values)
                counts["created"] += 1
            elif existing.customised:
                counts["kept"] += 1
            elif any(getattr(existing, k) != v for k, v in values.items()):
                for key, value in values.items():
                    setattr(existing, key, value)
                existing.save()
                counts["updated"] += 1
    return counts


def _template_values(jurisdiction: Jurisdiction, entry: Any, where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise TemplateError(f"{where}: harus berupa tabel.")
    for key in ("code", "title", "situation", "body"):
        if not str(entry.get(key, "")).strip():
            raise TemplateError(f"{where}: '{key}' wajib diisi.")
    if entry["situation"] not in Situation.values:
        raise TemplateError(f"{where}: situasi '{entry['situation']}' tidak dikenal.")
    body = str(entry["body"]).strip()
    unknown = unknown_placeholders(body)
    if unknown:
        raise TemplateError(f"{where}: isian tidak dikenal: {', '.join(unknown)}.")
    unit = category = None
    if entry.get("unit"):
        unit = Unit.objects.filter(jurisdiction=jurisdiction, code=entry["unit"]).first()
        if unit is None:
            raise TemplateError(f"{where}: unit '{entry['unit']}' tidak dikenal.")
    if entry.get("category"):
        category = Category.objects.filter(
            jurisdiction=jurisdiction, code=entry["category"]
        ).first()
        if category is None:
            raise TemplateError(f"{where}: kategori '{entry['category']}' tidak dikenal.")
    return {
        "code": str(entry["code"]).strip(),
        "title": str(entry["title"]).strip(),
        "situation": entry["situation"],
        "unit": unit,
        "category": category,
        "body": body,
    }
