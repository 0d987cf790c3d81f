from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from loket.accounts.models import UnitRole, User
from loket.accounts.phone import normalize_whatsapp


class ProfileForm(forms.ModelForm):
    whatsapp_consent = forms.BooleanField(
        label=_("I agree to receive messages about my requests on WhatsApp."), required=False
    )

    class Meta:
        model = User
        fields = ("full_name", "identity_number", "origin", "whatsapp", "language")
        widgets = {"whatsapp": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})}
        help_texts = {
            "whatsapp": _("For example 0812-3456-7890; stored as +6281234567890."),
            "identity_number": _("Your NIM (students) or NIP (staff), if you have one."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["whatsapp_consent"].initial = self.instance.whatsapp_consent
        self.fields["language"].choices = [("", _("Follow the page"))] + list(settings.LANGUAGES)

    def clean_whatsapp(self) -> str:
        raw = self.cleaned_data["whatsapp"]
        return normalize_whatsapp(raw) if raw.strip() else ""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("whatsapp_consent") and not cleaned.get("whatsapp"):
            self.add_error("whatsapp", _("Enter the number you agree to be messaged on."))
        return cleaned

    def save(self, commit: bool = True) -> User:
        self.instance.set_whatsapp_consent(self.cleaned_data["whatsapp_consent"])
        return super().save(commit)


class UnitRoleForm(forms.ModelForm):
    """Names the person by username or e-mail, so that no list of every user is shown."""

    person = forms.CharField(label=_("username or e-mail"), max_length=254)

    class Meta:
        model = UnitRole
        fields = ("person", "unit", "role")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["person"].initial = self.instance.user.username

    def clean_person(self) -> User:
        value = self.cleaned_data["person"].strip()
        user = User.objects.filter(Q(username__iexact=value) | Q(email__iexact=value)).first()
        if user is None:
            raise forms.ValidationError(_("No account has this username or e-mail."))
        self.instance.user = user
        return user

    def clean(self):
        cleaned = super().clean()
        user, unit, role = cleaned.get("person"), cleaned.get("unit"), cleaned.get("role")
        duplicate = UnitRole.objects.filter(user=user, unit=unit, role=role)
        if user and unit and role and duplicate.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This person already holds this role in this unit."))
        return cleaned
