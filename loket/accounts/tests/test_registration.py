"""A new person registers, verifies the e-mail, signs in and fills in the profile."""

import re

import pytest
from django.core import mail

from loket.accounts.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "Kunci-Rahasia-2024"


def test_it_registers_verifies_signs_in_and_edits_the_profile(http_browser):
    signup = http_browser.get("/akun/signup/")
    assert "Cara kami memakai data Anda" in signup.text
    page = http_browser.submit(
        signup.form("/akun/signup/"),
        email="sari@example.ac.id",
        username="sari",
        password1=PASSWORD,
        password2=PASSWORD,
    )
    assert "Verifikasi Alamat E-mail Anda" in page.text
    [message] = mail.outbox
    link = re.search(r"http://loket\.test(/akun/confirm-email/\S+/)", message.body).group(1)

    confirm = http_browser.get(link)
    page = http_browser.submit(confirm.form(link))
    assert page.url == "/akun/login/"

    page = http_browser.submit(page.form("/akun/login/"), login="sari", password=PASSWORD)
    assert "Masuk sebagai Pemohon" in page.text

    profile = http_browser.get("/akun/profil/")
    page = http_browser.submit(
        profile.form("/akun/profil/"),
        full_name="Sari Wulandari",
        identity_number="2201234567",
        origin="Fakultas Ekonomi",
        whatsapp="0812-3456-7890",
        whatsapp_consent="on",
        language="",
    )
    assert "Profil Anda telah disimpan" in page.text
    user = User.objects.get(username="sari")
    assert user.whatsapp == "+6281234567890"
    assert user.full_name == "Sari Wulandari"
    assert user.whatsapp_consent_at is not None


def test_it_refuses_an_unverified_email_at_sign_in(http_browser):
    signup = http_browser.get("/akun/signup/")
    http_browser.submit(
        signup.form("/akun/signup/"),
        email="budi@example.ac.id",
        username="budi",
        password1=PASSWORD,
        password2=PASSWORD,
    )
    http_browser.client.logout()
    page = http_browser.submit(
        http_browser.get("/akun/login/").form("/akun/login/"), login="budi", password=PASSWORD
    )
    assert "Verifikasi Alamat E-mail Anda" in page.text
    assert "Masuk sebagai" not in page.text


def test_it_refuses_a_weak_password(http_browser):
    signup = http_browser.get("/akun/signup/")
    page = http_browser.submit(
        signup.form("/akun/signup/"),
        email="citra@example.ac.id",
        username="citra",
        password1="12345678",
        password2="12345678",
    )
    assert "terlalu umum" in page.text
    assert not User.objects.filter(username="citra").exists()


def test_it_resets_a_forgotten_password(http_browser, requester):
    page = http_browser.get("/akun/password/reset/")
    http_browser.submit(page.form("/akun/password/reset/"), email=requester.email)
    [message] = mail.outbox
    link = re.search(r"http://loket\.test(/akun/password/reset/key/\S+/)", message.body).group(1)
    form_page = http_browser.get(link)
    page = http_browser.submit(
        form_page.form("/akun/password/reset/key/"), password1=PASSWORD, password2=PASSWORD
    )
    assert "Kata sandi Anda telah diubah" in page.text
    page = http_browser.submit(
        http_browser.get("/akun/login/").form("/akun/login/"),
        login=requester.username,
        password=PASSWORD,
    )
    assert "Masuk sebagai Pemohon" in page.text
