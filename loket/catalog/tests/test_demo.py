import pytest
from django.core.management import call_command

from loket.catalog import demo
from loket.catalog.models import Application, Service, StandardRevision, Unit

pytestmark = pytest.mark.django_db


def test_it_loads_dtik_with_its_26_services_and_sop24_from_the_seed():
    demo.load()
    dtik = Unit.objects.get(code="DTIK")
    assert dtik.services.count() == 26
    sop24 = Service.objects.get(code="SOP#24")
    assert sop24.name_id == "Layanan Upgrade Aplikasi"
    standard = sop24.revisions.get()
    assert standard.version == "1.0" and standard.completion_days == 14
    assert standard.rules_id.splitlines()[1] == (
        "Aplikasi yang dimohon merupakan aplikasi yang dikembangkan oleh UPT TIK."
    )
    assert len(standard.procedure_id.splitlines()) == 7
    assert len(standard.usage_steps_id.splitlines()) == 9
    assert standard.purpose_en and standard.scope_en and standard.rules_en


def test_it_has_a_second_unit_and_a_registry_that_filters_upgradable_applications():
    demo.load()
    assert Service.objects.exclude(unit__code="DTIK").exists()
    upgradable = Application.objects.upgradable()
    assert 0 < upgradable.count() < Application.objects.count()
    assert not upgradable.filter(developed_in_house=False).exists()


def test_loading_twice_changes_nothing(capsys):
    call_command("load_demo")
    counts = (Unit.objects.count(), Service.objects.count(), StandardRevision.objects.count())
    call_command("load_demo")
    assert (
        Unit.objects.count(),
        Service.objects.count(),
        StandardRevision.objects.count(),
    ) == counts
    assert "Demo catalog loaded" in capsys.readouterr().out


def test_the_sop24_page_shows_the_seed_words(client):
    demo.load()
    page = client.get("/layanan/layanan-upgrade-aplikasi/").content.decode()
    assert "Admin Unit DTIK memverifikasi surat permohonan," in page
    assert "Subdirektorat Pengembangan Sistem Informasi" in page
    english = client.get("/en/layanan/layanan-upgrade-aplikasi/").content.decode()
    assert "Application Upgrade Service" in english
