"""Walk-in intake: the Admin Unit registers a letter delivered to the office."""

from django import forms
from django.db.models import Q
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from loket.accounts.models import Role, User
from loket.accounts.permissions import units_where
from loket.accounts.phone import normalize_whatsapp
from loket.catalog.models import Service


class RequesterForm(forms.Form):
    """Who delivered the letter: found by e-mail or WhatsApp number, or created."""

    email = forms.EmailField(label=_("Requester's e-mail"))
    full_name = forms.CharField(label=_("Requester's full name"), max_length=200)

    def requester(self, *, whatsapp: str) -> User:
        return find_or_create_requester(
            email=self.cleaned_data["email"],
            whatsapp=whatsapp,
            full_name=self.cleaned_data["full_name"],
        )


def walk_in_services(user):
    return Service.objects.for_cards().filter(unit__in=units_where(user, Role.UNIT_ADMIN))


def find_or_create_requester(*, email: str, whatsapp: str, full_name: str) -> User:
    """An existing account with this e-mail (or else this WhatsApp number), or a new one that
    its owner claims later through password reset."""
    normalized = normalize_whatsapp(whatsapp) if whatsapp else ""
    user = User.objects.filter(email__iexact=email).first()
    if user is None and normalized:
        user = User.objects.filter(whatsapp=normalized).first()
    if user is not None:
        return user
    base = slugify(email.split("@")[0])[:20] or "pemohon"
    username = base
    while User.objects.filter(Q(username=username)).exists():
        username = f"{base}-{get_random_string(4).lower()}"
    user = User(username=username, email=email, full_name=full_name, whatsapp=normalized)
    user.set_unusable_password()
    user.save()
    return user
