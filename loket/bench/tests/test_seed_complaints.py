"""The university's complaints: one for ten requests, a bounded number still open, tickets the
portal goes on from, and a run that resumes where an interrupted one stopped."""

import datetime
import re
from collections import defaultdict
from http import HTTPStatus

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import Count, F, Q
from django.utils import timezone

from loket.accounts.models import User
from loket.bench import complaints, sessions, university
from loket.complaints.models import Attachment, Complaint, Event, Status, TicketCounter
from loket.requests.models import ServiceRequest, private_storage

pytestmark = [
    pytest.mark.django_db(transaction=True),  # VACUUM after loading
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the seeder writes with COPY"),
]
SIZE = university.Size.of(1_000)
STILL_OPEN = [Status.RECEIVED, Status.VERIFIED, Status.IN_FOLLOW_UP, Status.ANSWERED]


def bench_complaints():
    return Complaint.objects.filter(unit__in=university.bench_units())


def numbers_by_unit_and_year() -> dict[tuple[str, int], list[int]]:
    numbers = defaultdict(list)
    for ticket in bench_complaints().values_list("ticket", flat=True):
        code, year, number = re.fullmatch(r"K-(B\d\d)-(\d{4})-(\d{6})", ticket).groups()
        numbers[code, int(year)].append(int(number))
    return numbers


def test_the_open_complaints_are_as_many_at_both_sizes():
    small, large = university.Size.of(10_000), university.Size.of(1_000_000)
    assert (small.complaints, large.complaints) == (1_000, 100_000)
    assert complaints.under_way(small.complaints) == complaints.under_way(large.complaints)


def test_the_seeded_complaints_are_whole_and_a_new_one_goes_on_from_them(client):
    lines = []
    university.seed_university(SIZE, write=lines.append)
    seeded = bench_complaints()
    assert seeded.count() == SIZE.complaints == 100
    assert set(seeded.values_list("status", flat=True)) <= set(Status.values)
    # Only the newest are still being handled; the others ended long ago.
    assert seeded.filter(status__in=STILL_OPEN).count() <= complaints.under_way(100) == 30
    newest = seeded.order_by("-submitted_at")[: complaints.under_way(100)]
    old = seeded.exclude(pk__in=[c.pk for c in newest])
    assert set(old.values_list("status", flat=True)) <= set(complaints.ENDINGS)
    assert not seeded.filter(status__in=STILL_OPEN, closed_at__isnull=False).exists()
    assert not seeded.exclude(status__in=STILL_OPEN).filter(closed_at__isnull=True).exists()
    assert seeded.filter(hide_identity=True).exists()
    assert seeded.filter(status=Status.NOT_OUR_REMIT, referred_unit__isnull=True).count() == 0
    # A complaint about a request is about one of the complainant's own, for that service.
    about = seeded.filter(related_request__isnull=False)
    assert about.exists()
    assert not about.exclude(related_request__requester=F("complainant")).exists()
    assert not about.exclude(related_request__service=F("service")).exists()
    # Every complaint has its timeline: filed first, and the last change led to its status.
    events = Event.objects.filter(complaint__in=seeded)
    assert events.filter(action="submit").count() == 100
    resolved = seeded.filter(status=Status.RESOLVED).annotate(
        confirmed=Count("events", filter=Q(events__action="confirm"))
    )
    assert {c.confirmed for c in resolved} == {1}
    for complaint in seeded.filter(status__in=[Status.REJECTED, Status.ANSWERED]):
        last = complaint.events.exclude(to_status="").exclude(action="escalate").last()
        assert last.to_status == complaint.status
    assert not events.filter(created_at__gt=timezone.now()).exists()
    # Tickets run from 1 per unit and year, and each counter stands at the last one.
    numbers = numbers_by_unit_and_year()
    counters = {
        (counter.unit.code, counter.year): counter.last
        for counter in TicketCounter.objects.filter(unit__in=university.bench_units())
    }
    for key, taken in numbers.items():
        assert sorted(taken) == list(range(1, len(taken) + 1))
        assert counters[key] == len(taken)

    # A complaint filed through the portal now gets the next number of its unit.
    person = User.objects.get(username="bench-user-000001")
    service = seeded.filter(unit__code="B01").first().service
    client.force_login(person)
    response = client.post(
        f"{service.get_absolute_url()}keluhan/",
        {"subject": "Antrean terlalu lama", "description": "Dua jam tanpa kabar."},
    )
    assert response.status_code == HTTPStatus.FOUND
    year = timezone.localdate().year
    filed = Complaint.objects.get(complainant=person, subject="Antrean terlalu lama")
    assert filed.ticket == f"K-B01-{year}-{counters.get(('B01', year), 0) + 1:06d}"

    # A second run adds nothing, not even beside the complaint filed since; it does put the
    # shared screenshot where this installation keeps files (seeded from another checkout).
    private_storage().delete(complaints.EVIDENCE)
    lines.clear()
    university.seed_university(SIZE, write=lines.append)
    *steps, rolled = lines
    assert all("skipped" in line for line in steps) and len(steps) == len(university.STEPS)
    assert "IKM roll-up" in rolled
    assert bench_complaints().count() == 101
    attachment = Attachment.objects.filter(complaint__in=seeded).first()
    admin = User.objects.get(username=f"bench-admin-{attachment.complaint.unit.slug}")
    client.cookies[settings.SESSION_COOKIE_NAME] = sessions.sign_in(
        admin, secret_key=settings.SECRET_KEY
    )
    response = client.get(f"{attachment.complaint.get_absolute_url()}berkas/{attachment.pk}/")
    assert response.status_code == HTTPStatus.OK
    assert b"".join(response.streaming_content) == complaints.EVIDENCE_PNG


def test_an_interrupted_run_goes_on_where_it_stopped(monkeypatch):
    batches = []
    real_batch = complaints._batch

    def interrupted(cast, first, count):
        if batches:
            raise KeyboardInterrupt
        batches.append(first)
        real_batch(cast, first, count)

    monkeypatch.setattr(complaints, "BATCH", 40)
    monkeypatch.setattr(complaints, "_batch", interrupted)
    with pytest.raises(KeyboardInterrupt):
        university.seed_university(SIZE, write=lambda line: None)
    assert bench_complaints().count() == 40
    assert ServiceRequest.objects.filter(unit__in=university.bench_units()).count() == 1_000

    monkeypatch.setattr(complaints, "_batch", real_batch)
    university.seed_university(SIZE, write=lambda line: None)
    assert bench_complaints().count() == 100
    for key, taken in numbers_by_unit_and_year().items():
        assert sorted(taken) == list(range(1, len(taken) + 1)), key
        code, year = key
        assert TicketCounter.objects.get(unit__code=code, year=year).last == len(taken)


def test_a_missed_deadline_went_to_the_direktur_once(monkeypatch):
    # Requests (and so complaints) spread over 20 times as long: weeks of complaints.
    monkeypatch.setattr(university, "SPACING", university.SPACING * 20)
    university.seed_university(SIZE, write=lambda line: None)
    seeded = bench_complaints()
    escalated = Event.objects.filter(complaint__in=seeded, action="escalate", is_public=False)
    assert escalated.exists()
    for event in escalated:
        assert timezone.localdate(event.created_at) > datetime.date.fromisoformat(event.data["due"])
    once = escalated.values("complaint", "data").annotate(n=Count("id"))
    assert {row["n"] for row in once} == {1}
    # Those still open and overdue are on their Direktur's list, escalated for that deadline.
    end = timezone.localdate(university._complaints_end(SIZE))
    overdue = seeded.overdue(end)
    assert overdue.exists()
    assert all(c.escalated_for == c.due_date for c in overdue)
    assert seeded.filter(answered_on_time=False).exists()
