"""The triggers behind kept signed-in pages (loket/portal/kept_pages.py), on SQLite and
PostgreSQL alike: every table is either marked or known not to be shown, each write marks the
scopes whose pages show it, and marks stay few without ever repeating a version."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from loket.catalog.models import Category
from loket.portal import kept_pages
from loket.portal.models import ChangeMark
from loket.requests import workflow
from loket.requests.tests import factories

pytestmark = pytest.mark.django_db


def marks(scope: str) -> int:
    return ChangeMark.objects.filter(scope=scope).count()


def test_every_table_is_marked_or_known_not_to_be_shown():
    labels = {
        model._meta.label
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy
    }
    unclassified = labels - set(kept_pages.RULES) - kept_pages.NOT_SHOWN
    assert not unclassified, f"add these to kept_pages.RULES or NOT_SHOWN: {unclassified}"
    assert not set(kept_pages.RULES) - labels, "RULES names a model that does not exist"


def test_a_step_marks_its_unit_and_requester_and_no_other(submitted, unit_admin, other_unit):
    unit, requester = f"unit:{submitted.unit_id}", f"user:{submitted.requester_id}"
    before = {scope: marks(scope) for scope in (unit, requester, f"unit:{other_unit.pk}", "all")}
    workflow.verify(submitted, by=unit_admin, checklist=dict.fromkeys(workflow.CHECKLIST, True))
    assert marks(unit) > before[unit]
    assert marks(requester) > before[requester]
    assert marks(f"unit:{other_unit.pk}") == before[f"unit:{other_unit.pk}"]
    assert marks("all") == before["all"]


def test_an_unshown_change_marks_nothing(requester):
    before = ChangeMark.objects.count()
    requester.last_login = "2026-11-28T10:00:00+07:00"
    requester.save(update_fields=["last_login"])
    assert ChangeMark.objects.count() == before
    requester.full_name = "Nama Lain"
    requester.save(update_fields=["full_name"])
    new = ChangeMark.objects.order_by("pk")[before:]
    assert {mark.scope for mark in new} == {"all"}


def test_a_crowded_scope_is_compacted_and_no_version_comes_back(in_progress, staff):
    scope = f"unit:{in_progress.unit_id}"
    seen = kept_pages.versions((scope,))
    for n in range(kept_pages.COMPACT_AT):
        workflow.add_note(in_progress, by=staff, note=f"Catatan {n}", public=False)
    crowded = kept_pages.versions((scope,))  # reads, then folds the marks into a generation
    assert marks(scope) == 0
    after = kept_pages.versions((scope,))
    assert len({seen, crowded, after}) == 3


def test_forgetting_all_marks_moves_every_version(submitted):
    scopes = ("all", f"unit:{submitted.unit_id}")
    seen = kept_pages.versions(scopes)
    kept_pages.forget_all()
    assert ChangeMark.objects.count() == 0
    assert kept_pages.versions(scopes) != seen


def test_bulk_loading_writes_no_marks_and_turns_them_back_on(service, requester):
    before = ChangeMark.objects.count()
    with kept_pages.triggers_off():
        factories.submit(service, requester)
        assert ChangeMark.objects.count() == before
    assert ChangeMark.objects.count() == 0  # every kept page is asked for again
    factories.submit(service, requester)
    assert marks(f"unit:{service.unit_id}") > 0


@pytest.mark.django_db(transaction=True)
def test_migrations_run_with_the_triggers_off_and_put_them_back():
    call_command("migrate", "portal", "0001", verbosity=0)
    Category.objects.create(name_id="Tanpa tanda", name_en="Unmarked", slug="tanpa", order=1)
    call_command("migrate", "portal", verbosity=0)
    Category.objects.create(name_id="Bertanda", name_en="Marked", slug="bertanda", order=2)
    assert list(ChangeMark.objects.values_list("scope", flat=True)) == ["all"]


def test_the_triggers_are_installed_for_every_shown_table():
    installed = {table for _name, table in kept_pages._installed()}
    shown = {model._meta.db_table for model in kept_pages.shown_models()}
    assert installed == shown
    assert connection.vendor in ("postgresql", "sqlite")


def test_reading_notifications_marks_only_the_reader(in_progress, requester):
    from loket.notifications.models import Message

    assert Message.objects.inbox_of(requester).unread().exists()
    before = ChangeMark.objects.count()
    Message.objects.inbox_of(requester).mark_read()
    new = ChangeMark.objects.order_by("pk")[before:]
    assert {mark.scope for mark in new} == {f"user:{requester.pk}"}
    before = ChangeMark.objects.count()
    Message.objects.filter(recipient=requester).update(attempts=3)  # delivery: no page shows it
    assert ChangeMark.objects.count() == before


def test_expired_shared_pages_are_deleted_as_new_ones_are_kept(monkeypatch):
    import datetime

    from django.utils import timezone

    from loket.portal.models import KeptPage

    monkeypatch.setattr(kept_pages, "CULL_EVERY", 3)
    old = timezone.now() - datetime.timedelta(seconds=1)
    KeptPage.objects.create(key="lama", meta="{}", body=b"", expires=old)
    page = (("all",), (("all", 1),), b"<p>halaman</p>", [["Content-Type", "text/html"]])
    for key in ("satu", "dua"):
        kept_pages.shared_set(key, page)
    assert KeptPage.objects.filter(key="lama").exists()
    kept_pages.shared_set("tiga", page)
    assert sorted(KeptPage.objects.values_list("key", flat=True)) == ["dua", "satu", "tiga"]
    assert kept_pages.shared_get("dua") == (
        ("all",),
        (("all", 1),),
        b"<p>halaman</p>",
        [["Content-Type", "text/html"]],
    )
    assert kept_pages.shared_get("lama") is None
