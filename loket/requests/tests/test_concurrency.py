"""Two people pressing the same button at the same moment: exactly one wins."""

import threading

import pytest
from django.db import connection

from loket.requests import workflow
from loket.requests.models import ServiceRequest

pytestmark = pytest.mark.django_db(transaction=True)
ALL_TICKED = dict.fromkeys(workflow.CHECKLIST, True)


def race(action, *, times: int = 2) -> list[str]:
    """Run `action` in `times` threads released together; each reports "ok" or its refusal."""
    barrier = threading.Barrier(times)
    outcomes: list[str] = []

    def run():
        try:
            barrier.wait()
            action()
            outcomes.append("ok")
        except workflow.TransitionError as error:
            outcomes.append(str(error))
        finally:
            connection.close()  # each thread has its own connection; leave none behind

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_verifications_at_once_store_one(upgrade_service, requester, application, unit_admin):
    from loket.requests.tests import factories

    # Several rounds of six clicks at once make the race likely to bite if nothing locks.
    for _round in range(5):
        req = factories.submit(upgrade_service, requester, application=application)
        outcomes = race(
            lambda req=req: workflow.verify(req, by=unit_admin, checklist=ALL_TICKED), times=6
        )
        assert outcomes.count("ok") == 1
        assert all("Terverifikasi" in o for o in outcomes if o != "ok")
        assert req.events.filter(action="verify").count() == 1


def test_two_dispositions_at_once_store_one(forwarded, director, staff):
    order = workflow.DispositionOrder(
        staff=[staff], instructions=["follow_up"], urgency="normal", due_date=forwarded.due_date
    )
    # A re-disposition is allowed later, so the race is on the first one from FORWARDED only:
    # the loser must see that the request is no longer waiting for a first disposition.
    outcomes = race(lambda: workflow.dispose(forwarded, by=director, order=order))
    dispositions = forwarded.dispositions.all()
    assert outcomes.count("ok") >= 1
    assert dispositions.filter(is_current=True).count() == 1
    assert forwarded.events.filter(action="dispose").count() == len(dispositions)


def test_requests_filed_at_once_get_different_tickets(upgrade_service, requester, application):
    from loket.requests.tests import factories

    race(lambda: factories.submit(upgrade_service, requester, application=application), times=4)
    tickets = list(ServiceRequest.objects.values_list("ticket", flat=True))
    assert len(tickets) == 4 and len(set(tickets)) == 4
