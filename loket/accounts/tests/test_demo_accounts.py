"""Demo accounts: created for `make run` (DEBUG on), refused on a real server (DEBUG off)."""

from io import StringIO

import pytest
from django.core.management import call_command

from loket.accounts import demo
from loket.accounts.models import Role, UnitRole, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_accounts(settings, unit):
    settings.DEBUG = True
    demo.load()
    return unit


def sign_in(client, username, password="loket-demo"):
    return client.post("/akun/login/", {"login": username, "password": password})


def test_it_creates_the_five_demo_accounts_with_their_dtik_roles(demo_accounts):
    assert set(User.objects.filter(is_demo=True).values_list("username", flat=True)) == {
        "pemohon",
        "adminunit",
        "direktur",
        "staf",
        "superadmin",
    }
    roles = set(UnitRole.objects.filter(unit=demo_accounts).values_list("user__username", "role"))
    assert roles == {
        ("adminunit", Role.UNIT_ADMIN),
        ("direktur", Role.DIRECTOR),
        ("staf", Role.STAFF),
    }
    assert User.objects.get(username="superadmin").is_superuser


def test_loading_twice_changes_nothing(demo_accounts):
    demo.load()
    assert User.objects.filter(is_demo=True).count() == 5
    assert UnitRole.objects.count() == 3


def test_in_demo_mode_the_unit_roles_sign_in_without_two_factor(client, demo_accounts):
    response = sign_in(client, "adminunit")
    assert response["Location"] == "/"
    assert "Masuk sebagai Admin Unit" in client.get("/").content.decode()


def test_without_debug_demo_accounts_are_refused(client, demo_accounts, settings):
    settings.DEBUG = False
    page = sign_in(client, "adminunit").content.decode()
    assert "Akun demo hanya berlaku di server demo" in page
    assert "_auth_user_id" not in client.session


def test_without_debug_a_demo_unit_role_needs_two_factor(client, demo_accounts, settings):
    settings.DEBUG = False
    client.force_login(User.objects.get(username="direktur"))
    assert client.get("/")["Location"] == "/akun/2fa/totp/activate/"


def test_without_debug_the_demo_password_cannot_be_used(client, requester, settings):
    requester.set_password("loket-demo")
    requester.save()
    page = sign_in(client, "pemohon").content.decode()
    assert "kata sandi demo" in page
    assert "_auth_user_id" not in client.session


def test_without_debug_the_demo_password_cannot_be_chosen(client, requester):
    client.force_login(requester)
    response = client.post(
        "/akun/password/change/",
        {
            "oldpassword": "loket-test-password",
            "password1": "loket-demo",
            "password2": "loket-demo",
        },
    )
    assert "kata sandi demo yang terbuka untuk umum" in response.content.decode()


def test_load_demo_prints_the_accounts_and_the_password(settings, unit):
    settings.DEBUG = True
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "loket-demo" in out.getvalue()
    assert "adminunit" in out.getvalue()


def test_load_demo_creates_no_accounts_without_debug(unit):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "DEBUG" in out.getvalue()
    assert not User.objects.filter(is_demo=True).exists()
