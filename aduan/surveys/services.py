"""Everything that writes a rating or an IKM response."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import IntegrityError, transaction

from aduan.complaints.choices import ComplaintStatus
from aduan.complaints.models import Complaint
from aduan.complaints.services import ComplaintInputError
from aduan.organisation.models import Unit
from aduan.reports import rollups
from aduan.surveys.choices import AgeBand, Education, Occupation, Sex
from aduan.surveys.ikm import ELEMENT_CODES
from aduan.surveys.models import COMMENT_MAX, IkmResponse, Rating

ALREADY_RATED = "Laporan ini sudah dinilai. / This complaint has already been rated."
NOT_FINISHED = (
    "Penilaian hanya dapat diberikan setelah laporan selesai. / A complaint can be rated "
    "only once it is finished (selesai)."
)

PROFILE_CHOICES = {
    "age_band": AgeBand,
    "sex": Sex,
    "education": Education,
    "occupation": Occupation,
}


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def rating_submit(*, complaint: Complaint, score: int, resolved: bool, comment: str = "") -> Rating:
    """The reporter rates a complaint closed as selesai (once). The caller has checked the
    tracking code and secret."""
    errors: dict[str | None, list[str]] = {}
    if not _is_int(score) or not 1 <= score <= 5:
        errors["score"] = ["Pilih nilai 1 sampai 5. / Choose a score from 1 to 5."]
    if not isinstance(resolved, bool):
        errors["resolved"] = [
            "Jawab apakah masalah Anda selesai. / Say whether your problem was solved."
        ]
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        errors["comment"] = [
            f"Komentar paling banyak {COMMENT_MAX} huruf. / At most {COMMENT_MAX} characters."
        ]
    if errors:
        raise ComplaintInputError(errors)
    try:
        with transaction.atomic():
            locked = Complaint.objects.select_for_update().get(pk=complaint.pk)
            if locked.status != ComplaintStatus.SELESAI:
                raise ComplaintInputError({None: [NOT_FINISHED]})
            if Rating.objects.filter(complaint=locked).exists():
                raise ComplaintInputError({None: [ALREADY_RATED]})
            rating = Rating.objects.create(
                complaint=locked, score=score, resolved=resolved, comment=comment
            )
            rollups.record_rating(locked, score)
            return rating
    except IntegrityError as exc:  # a concurrent rating won the race
        raise ComplaintInputError({None: [ALREADY_RATED]}) from exc


def ikm_submit(
    *,
    unit: Unit,
    answers: Mapping[str, int],
    profile: Mapping[str, str] | None = None,
    complaint: Complaint | None = None,
) -> IkmResponse:
    """Store one respondent's IKM answers (u1..u9, each 1–4) and optional profile."""
    errors: dict[str | None, list[str]] = {}
    for code in ELEMENT_CODES:
        answer = answers.get(code)
        if not isinstance(answer, int) or isinstance(answer, bool) or not 1 <= answer <= 4:
            errors[code] = ["Pilih salah satu jawaban (1–4). / Choose an answer from 1 to 4."]
    unknown = set(answers) - set(ELEMENT_CODES)
    if unknown:
        errors[None] = [f"Unsur tidak dikenal: {', '.join(sorted(unknown))}. / Unknown element."]
    cleaned_profile: dict[str, str] = {}
    for name, choice in (profile or {}).items():
        choices = PROFILE_CHOICES.get(name)
        if choices is None:
            errors.setdefault(None, []).append(
                f"Data responden tidak dikenal: {name}. / Unknown profile field."
            )
        elif choice and choice not in choices.values:
            errors[name] = ["Pilihan tidak dikenal. / Unknown choice."]
        else:
            cleaned_profile[name] = choice or ""
    if complaint is not None and complaint.jurisdiction_id != unit.jurisdiction_id:
        errors["complaint"] = ["Laporan dari daerah lain. / Complaint of another jurisdiction."]
    if errors:
        raise ComplaintInputError(errors)
    return IkmResponse.objects.create(
        jurisdiction_id=unit.jurisdiction_id,
        unit=unit,
        complaint=complaint,
        **{code: answers[code] for code in ELEMENT_CODES},
        **cleaned_profile,
    )
