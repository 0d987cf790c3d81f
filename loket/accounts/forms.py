from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from loket.accounts import consent
from loket.accounts.models import UnitRole, User
from loket.accounts.phone import normalize_whatsapp


class ProfileForm(forms.ModelForm):
    whatsapp_consent = forms.BooleanField(label=consent.TEXTS[consent.TEXT_VERSION], required=False)

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
        self.consent_before = (self.instance.whatsapp_consent, self.instance.whatsapp)
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
        agreed = self.cleaned_data["whatsapp_consent"]
        if self.instance.whatsapp != self.consent_before[1] and agreed:
            self.instance.whatsapp_consent_at = None  # a new number needs its own agreement
        self.instance.set_whatsapp_consent(agreed)
        user = super().save(commit)
        if commit:
            consent.record_change(user, was=self.consent_before)
        return user


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


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account and my personal data will be deleted for good."),
    )
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            del self.fields["password"]  # they signed in again through their SSO instead

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password
