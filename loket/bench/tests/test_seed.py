"""The university seeder at a tiny size: the right counts, and a second run adds nothing."""

import pytest
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from loket.accounts.models import User
from loket.bench import university
from loket.catalog.models import Service
from loket.notifications.models import Message
from loket.requests.models import Event, ServiceRequest, Status, TicketCounter
from loket.surveys import rollup
from loket.surveys.models import Response

pytestmark = [
    # VACUUM after loading cannot run inside a test's transaction.
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the seeder writes with COPY"),
]


def test_it_seeds_a_small_university_once():
    size = university.Size.of(1_000)
    lines = []
    university.seed_university(size, write=lines.append)
    assert university.bench_units().count() == university.UNITS
    assert Service.objects.filter(unit__in=university.bench_units()).count() == 300
    assert User.objects.filter(username__startswith="bench-user-").count() == size.users
    requests = ServiceRequest.objects.filter(unit__in=university.bench_units())
    assert requests.count() == 1_000
    heavy = requests.filter(requester__username=university.HEAVY_REQUESTER)
    assert heavy.count() == university.HEAVY_REQUESTS
    assert Message.objects.count() == size.notifications
    assert 0.25 * 1_000 * 0.3 < Response.objects.count() <= size.responses
    closed = requests.filter(status=Status.CLOSED).annotate(n=Count("events"))
    assert {req.n for req in closed} == {8}  # submit … close, each step recorded
    assert Event.objects.count() > 3 * 1_000
    # New requests get tickets above the seeded ones.
    assert TicketCounter.objects.filter(unit__in=university.bench_units()).count() == 20
    lines.clear()
    university.seed_university(size, write=lines.append)
    *steps, rolled = lines
    assert all("skipped" in line for line in steps) and len(steps) == len(university.STEPS)
    # The IKM roll-up runs each time, as the daily job would.
    assert "IKM roll-up" in rolled and rollup.through() == timezone.localdate().replace(day=1)
    assert requests.count() == 1_000


def test_only_the_newest_requests_are_still_being_worked_on():
    import random

    rng = random.Random(1)
    old = {university.status_of(n, 1_000_000, rng) for n in range(0, 5_000)}
    assert old <= set(university.ENDINGS)
    new = {university.status_of(n, 1_000_000, rng) for n in range(999_000, 1_000_000)}
    assert Status.SUBMITTED in new and Status.FORWARDED in new
