"""Two people pressing the same button at the same moment: exactly one wins."""

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
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


class SlowLetter(SimpleUploadedFile):
    """A letter that takes until `release` to store, as a large scan on a slow disk does."""

    def __init__(self, upload, storing: threading.Event, release: threading.Event):
        super().__init__(upload.name, upload.read(), upload.content_type)
        self.storing, self.release = storing, release

    def chunks(self, chunk_size=None):
        self.storing.set()
        assert self.release.wait(30)
        yield from super().chunks(chunk_size)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks between connections")
def test_a_letter_being_stored_does_not_hold_up_the_next_request(
    upgrade_service, requester, application
):
    from loket.requests.tests import factories

    # Filed before: its words are known to search (a new word is written once, and a second
    # request bringing the same new word waits for the first to commit).
    factories.submit(upgrade_service, requester, application=application)
    storing, release, tickets = threading.Event(), threading.Event(), {}
    letter = factories.letter()
    slow = workflow.Upload(file=SlowLetter(letter.file, storing, release), checked=letter.checked)

    def file(name, **kwargs):
        try:
            tickets[name] = workflow.submit(
                upgrade_service,
                requester=requester,
                details=factories.details(application=application),
                **kwargs,
            ).ticket
        finally:
            connection.close()

    first = threading.Thread(target=file, args=("first",), kwargs={"letter": slow})
    first.start()
    assert storing.wait(30)  # the first request's letter is being written, in its transaction
    second = threading.Thread(target=file, args=("second",), kwargs={"letter": factories.letter()})
    second.start()
    second.join(timeout=10)
    second_done_meanwhile = not second.is_alive()
    release.set()
    first.join(timeout=60)
    second.join(timeout=60)
    assert second_done_meanwhile
    # Numbers go in the order they were taken, with no gap.
    assert tickets["second"].endswith("-000002") and tickets["first"].endswith("-000003")
    assert not ServiceRequest.objects.filter(ticket__startswith=workflow.PENDING_TICKET).exists()
