"""Writes of the practice app: loading the shipped scenarios, recording attempts, assigning
sets. None of them touches a complaint, its timeline or the outbox."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from aduan.practice.choices import Mood
from aduan.practice.models import Assignment, Attempt, Scenario, ScenarioSet
from aduan.practice.selectors import can_train
from aduan.replies.checker import Verdict, check
from aduan.replies.selectors import unit_names

if TYPE_CHECKING:
    from aduan.accounts.models import User

DATA = Path(__file__).resolve().parent / "data" / "scenarios.json"

#: Longest reply the practice form accepts (a real answer is far shorter).
MAX_REPLY = 4000


class PracticeDataError(Exception):
    """The scenarios file is missing or malformed."""


def scenarios_load(*, path: Path = DATA) -> dict[str, int]:
    """Create or update the shipped scenarios and sets (idempotent; matched by ``code``).

    Scenarios no longer in the file are deactivated, not deleted, so attempts keep their
    scenario.
    """
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise PracticeDataError(f"Berkas skenario {path} tidak dapat dibaca: {exc}") from exc
    moods = set(Mood.values)
    with transaction.atomic():
        seen = []
        for position, row in enumerate(data.get("scenarios", [])):
            missing = [
                k
                for k in ("code", "title", "category", "mood", "complaint", "model_answer")
                if not row.get(k)
            ]
            if missing or row["mood"] not in moods:
                raise PracticeDataError(
                    f"Skenario #{position + 1} tidak lengkap atau suasananya tidak dikenal: "
                    f"{', '.join(missing) or row.get('mood')}"
                )
            Scenario.objects.update_or_create(
                code=row["code"],
                defaults={
                    "title": row["title"],
                    "category": row["category"],
                    "mood": row["mood"],
                    "complaint": row["complaint"],
                    "model_answer": row["model_answer"],
                    "position": position,
                    "is_active": True,
                },
            )
            seen.append(row["code"])
        Scenario.objects.exclude(code__in=seen).update(is_active=False)
        by_code = {s.code: s for s in Scenario.objects.filter(code__in=seen)}
        for position, row in enumerate(data.get("sets", [])):
            unknown = [c for c in row.get("scenarios", []) if c not in by_code]
            if unknown:
                raise PracticeDataError(
                    f"Paket {row.get('code')} memuat skenario yang tidak ada: {', '.join(unknown)}"
                )
            scenario_set, _created = ScenarioSet.objects.update_or_create(
                code=row["code"],
                defaults={
                    "name": row["name"],
                    "description": row.get("description", ""),
                    "position": position,
                },
            )
            scenario_set.scenarios.set([by_code[c] for c in row["scenarios"]])
    return {"scenarios": len(seen), "sets": len(data.get("sets", []))}


def attempt_record(*, user: User, scenario: Scenario, reply: str) -> tuple[Attempt, Verdict]:
    """Check a practice reply and keep it with its verdict for the officer's progress."""
    if user.jurisdiction_id is None:
        raise PermissionDenied
    reply = reply.strip()[:MAX_REPLY]
    verdict = check(reply, scenario.complaint, unit_names(user.jurisdiction_id))
    attempt = Attempt.objects.create(
        jurisdiction_id=user.jurisdiction_id,
        user=user,
        scenario=scenario,
        reply=reply,
        score=verdict.score,
        acceptable=verdict.acceptable,
        flaws=verdict.codes,
    )
    return attempt, verdict


def assignment_create(
    *, trainer: User, officer: User, scenario_set: ScenarioSet, due_date: date | None = None
) -> Assignment:
    """Give ``officer`` a set to practise; the trainer must be allowed to train them."""
    if not can_train(trainer, officer):
        raise PermissionDenied
    assignment, _created = Assignment.objects.update_or_create(
        officer=officer,
        scenario_set=scenario_set,
        defaults={
            "jurisdiction_id": officer.jurisdiction_id,
            "assigned_by": trainer,
            "due_date": due_date,
        },
    )
    return assignment
