"""Changes the survey makes: Isi Kuesioner (answers stored apart from the person, the request
closed) and publishing a unit's index."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts import permissions
from loket.accounts.models import User
from loket.requests import workflow as requests_workflow
from loket.requests.models import ServiceRequest, Status
from loket.requests.workflow import TransitionError

from . import ikm
from .models import PROFILE, Publication, Response
from .reports import Report


@dataclass(frozen=True)
class Answers:
    scores: tuple[int, ...]  # U1 … U9, each 1–4
    gender: str = ""
    age_group: str = ""
    education: str = ""
    occupation: str = ""
    suggestion: str = ""

    def check(self) -> None:
        if len(self.scores) != ikm.ELEMENTS or any(s not in ikm.SCALE for s in self.scores):
            raise TransitionError(
                _("Answer each of the nine questions with one of its four answers.")
            )
        for name, choices in PROFILE.items():
            if getattr(self, name) not in [*choices.values, ""]:
                raise TransitionError(_("Choose your profile answers from the lists."))


def refusal(req: ServiceRequest) -> str:
    """Why `req`'s questionnaire cannot be answered now ("" when it can)."""
    if Response.objects.filter(req=req).exists():
        return _("The questionnaire for %(ticket)s has already been answered. Thank you!") % {
            "ticket": req.ticket
        }
    if req.status == Status.CLOSED:
        return _("Request %(ticket)s is closed; its questionnaire can no longer be answered.") % {
            "ticket": req.ticket
        }
    if req.status != Status.COMPLETED:
        return _("The questionnaire opens when request %(ticket)s is Completed.") % {
            "ticket": req.ticket
        }
    return ""


@transaction.atomic
def answer(req: ServiceRequest, *, by: User, answers: Answers) -> Response:
    """One response per request; the request is Closed in the same transaction."""
    # Lock first, then check: a second answer for the same request waits here, then is refused.
    req = ServiceRequest.objects.select_for_update().get(pk=req.pk)
    if reason := refusal(req):
        raise TransitionError(reason)
    answers.check()
    req = requests_workflow.close(req, by=by, reason="answered")
    profile = {name: getattr(answers, name) for name in PROFILE}
    now = timezone.now()
    return Response.objects.create(
        req=req,
        answered_at=now,
        month=Response.month_of(now),
        unit_id=req.unit_id,
        service_id=req.service_id,
        suggestion=answers.suggestion.strip(),
        **dict(zip((f"u{n}" for n in range(1, ikm.ELEMENTS + 1)), answers.scores, strict=True)),
        **profile,
    )


@transaction.atomic
def publish(report: Report, *, by: User) -> Publication:
    """Publish a unit's index of an ended period; publishing the period again replaces it."""
    unit = report.scope.unit
    if unit is None or report.scope.service is not None:
        raise ValueError("Only a whole unit's index is published.")
    if not permissions.can(by, "surveys.publish", unit):
        raise PermissionDenied
    if report.period.end > timezone.localdate():
        raise TransitionError(_("A period can be published once it has ended."))
    summary = report.summary
    if not summary.result.answered:
        raise TransitionError(_("Nobody answered the questionnaire in this period."))
    publication, _created = Publication.objects.update_or_create(
        unit=unit,
        period=report.period.key,
        defaults={
            "starts_on": report.period.start,
            "ends_on": report.period.last_day,
            "respondents": summary.result.respondents,
            "population": summary.population,
            "minimum": summary.minimum,
            "ikm": summary.result.ikm,
            "grade": summary.result.grade.letter,
            "nrrs": [str(row.rounded()) for row in report.elements],
            "published_at": timezone.now(),
            "published_by": by,
        },
    )
    return publication
