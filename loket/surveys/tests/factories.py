"""Answers given the way the portal takes them: through loket.surveys.workflow.answer."""

import datetime
import zoneinfo

from django.conf import settings

from loket.requests import workflow as requests_workflow
from loket.requests.tests import factories as request_factories
from loket.surveys import workflow
from loket.surveys.models import Response

ALL_GOOD = (3,) * 9


def answers(scores=ALL_GOOD, **profile) -> workflow.Answers:
    return workflow.Answers(scores=tuple(scores), **profile)


def completed_request(service, requester, *, unit_admin, director, staff, application=None):
    """A request taken through SOP#24 up to Selesai."""
    req = request_factories.submit(service, requester, application=application)
    req = requests_workflow.verify(
        req, by=unit_admin, checklist=dict.fromkeys(requests_workflow.CHECKLIST, True)
    )
    req = requests_workflow.forward(req, by=unit_admin)
    order = requests_workflow.DispositionOrder(
        staff=[staff], instructions=["follow_up"], urgency="normal", due_date=req.due_date
    )
    requests_workflow.dispose(req, by=director, order=order)
    req = requests_workflow.start_work(req, by=staff)
    return requests_workflow.complete(req, by=staff, summary="Selesai dikerjakan.")


def answered(req, scores=ALL_GOOD, **profile) -> Response:
    return workflow.answer(req, by=req.requester, answers=answers(scores, **profile))


def response_row(service, when, scores=ALL_GOOD, **extra) -> Response:
    """A stored answer on its own, for reports over many answers (no request behind it, as
    after the request's personal data were erased)."""
    columns = {f"u{n}": score for n, score in enumerate(scores, start=1)}
    return Response.objects.create(
        unit=service.unit,
        service=service,
        answered_at=when,
        month=Response.month_of(when),
        **columns,
        **extra,
    )


def answered_at(*args):
    """10 o'clock on a day in the portal's time zone."""
    return datetime.datetime(*args, 10, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
