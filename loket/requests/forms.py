"""The pages' forms: parse and validate one page's input; saving is the workflow's job."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.accounts.models import Role, UnitRole
from loket.accounts.phone import normalize_whatsapp
from loket.catalog.models import Application, Service
from loket.uploads.fields import CheckedFileField

from .models import Instruction, Urgency
from .workflow import CHECKLIST, Details, DispositionOrder, Upload

CHECKLIST_LABELS = {
    "signed": _("The letter is signed by the requesting unit's leader"),
    "stamped": _("The letter is stamped"),
    "whatsapp_stated": _("The letter states a WhatsApp number"),
    "in_house_application": _("The application was developed by UPT TIK"),
    "academic_audience": _("The application serves the academic community"),
}
MAX_SUPPORTING_FILES = 5


def checked_upload(file) -> Upload:
    """Check one uploaded file with the limits in settings (also used by the demo data)."""
    return UploadField().clean(file)


class UploadField(CheckedFileField):
    """One letter or scan, checked by its content; cleans to an `Upload`."""

    def clean(self, data, initial=None):
        file = super().clean(data, initial)
        return Upload(file=file, checked=file.checked) if file else None


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class UploadsField(CheckedFileField):
    """Several optional files; cleans to a list of `Upload`."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_SUPPORTING_FILES:
            raise forms.ValidationError(
                _("Attach at most %(count)d files.") % {"count": MAX_SUPPORTING_FILES}
            )
        checked = [super(UploadsField, self).clean(f, initial) for f in files]
        return [Upload(file=f, checked=f.checked) for f in checked]


class Form(forms.Form):
    """Labels without the trailing colon: they sit above inputs or beside checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class RequestForm(Form):
    """Buat Permintaan, generated from the service's definition."""

    application = forms.ModelChoiceField(
        label=_("Application"),
        queryset=Application.objects.none(),
        empty_label=_("Choose the application"),
        help_text=_("Only applications developed by the unit for the academic community."),
    )
    subject = forms.CharField(label=_("What is requested"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 5}))
    desired_features = forms.CharField(
        label=_("Desired features"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    letter_number = forms.CharField(label=_("Letter number"), max_length=100)
    letter_date = forms.DateField(
        label=_("Letter date"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    signatory_name = forms.CharField(label=_("Signed by (name)"), max_length=200)
    signatory_position = forms.CharField(label=_("Signatory's position"), max_length=200)
    requesting_unit = forms.CharField(label=_("Requesting unit"), max_length=200)
    whatsapp = forms.CharField(
        label=_("WhatsApp number"),
        max_length=30,
        help_text=_("The number stated in the letter, e.g. 0812-3456-7890."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    letter = UploadField(
        label=_("Signed request letter"),
        help_text=_("PDF, or a JPG/PNG scan; at most 5 MB."),
    )
    supporting = UploadsField(label=_("Supporting files (optional)"), required=False)

    def __init__(self, *args, service: Service, letter_required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.service = service
        if service.asks_for_application:
            self.fields["application"].queryset = Application.objects.upgradable().filter(
                owner_unit=service.unit_id
            )
            self.fields["subject"].label = _("What is to be upgraded")
        else:
            del self.fields["application"]
            del self.fields["desired_features"]
        self.fields["letter"].required = letter_required

    def clean_letter_date(self) -> datetime.date:
        value = self.cleaned_data["letter_date"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The letter cannot be dated in the future."))
        return value

    def clean_whatsapp(self) -> str:
        return normalize_whatsapp(self.cleaned_data["whatsapp"])

    def details(self) -> Details:
        data = self.cleaned_data
        return Details(
            subject=data["subject"],
            description=data["description"],
            desired_features=data.get("desired_features", ""),
            application=data.get("application"),
            letter_number=data["letter_number"],
            letter_date=data["letter_date"],
            signatory_name=data["signatory_name"],
            signatory_position=data["signatory_position"],
            requesting_unit=data["requesting_unit"],
            whatsapp=data["whatsapp"],
        )


class NoteForm(Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def workflow_kwargs(self) -> dict:
        return {"note": self.cleaned_data["note"]}


class VerifyForm(NoteForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for rule in CHECKLIST:
            self.fields[rule] = forms.BooleanField(label=CHECKLIST_LABELS[rule], required=False)
        self.order_fields([*CHECKLIST, "note"])

    def clean(self):
        data = super().clean()
        if not all(data.get(rule) for rule in CHECKLIST):
            raise forms.ValidationError(_("Every rule on the checklist must be ticked to verify."))
        return data

    def workflow_kwargs(self) -> dict:
        checklist = {rule: self.cleaned_data[rule] for rule in CHECKLIST}
        return {"checklist": checklist, "note": self.cleaned_data["note"]}


class ReturnForm(Form):
    failed_rules = forms.MultipleChoiceField(
        label=_("Rules the letter does not meet"),
        choices=CHECKLIST_LABELS.items(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    reason = forms.CharField(
        label=_("Reason for the return"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def workflow_kwargs(self) -> dict:
        return {
            "failed_rules": self.cleaned_data["failed_rules"],
            "reason": self.cleaned_data["reason"],
        }


class RejectForm(Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def workflow_kwargs(self) -> dict:
        return {"reason": self.cleaned_data["reason"]}


class DisposeForm(Form):
    staff = forms.ModelMultipleChoiceField(
        label=_("Staff"), queryset=UnitRole.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    instructions = forms.MultipleChoiceField(
        label=_("Instructions"),
        choices=Instruction.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"),
        choices=Urgency.choices,
        initial=Urgency.NORMAL,
        widget=forms.RadioSelect,
    )
    due_date = forms.DateField(
        label=_("Due date"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )

    def __init__(self, *args, req, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = (
            UnitRole.objects.filter(unit_id=req.unit_id, role=Role.STAFF)
            .select_related("user")
            .order_by("user__full_name", "user__username")
        )
        self.fields["staff"].label_from_instance = lambda role: str(role.user)
        self.fields["due_date"].initial = req.due_date

    def clean(self):
        data = super().clean()
        if not data.get("instructions") and not data.get("note", "").strip():
            raise forms.ValidationError(_("Give at least one instruction."))
        return data

    def workflow_kwargs(self) -> dict:
        data = self.cleaned_data
        order = DispositionOrder(
            staff=[role.user for role in data["staff"]],
            instructions=data["instructions"],
            urgency=data["urgency"],
            due_date=data["due_date"],
            note=data["note"],
        )
        return {"order": order}


class ProgressForm(Form):
    note = forms.CharField(label=_("Progress note"), widget=forms.Textarea(attrs={"rows": 3}))
    public = forms.BooleanField(label=_("Visible to the requester"), required=False, initial=True)
    files = UploadsField(label=_("Result files (optional)"), required=False)

    def workflow_kwargs(self) -> dict:
        data = self.cleaned_data
        return {"note": data["note"], "public": data["public"], "files": data["files"]}


class CompleteForm(Form):
    summary = forms.CharField(
        label=_("Result summary"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The requester reads this in the portal and on WhatsApp."),
    )
    files = UploadsField(label=_("Result files (optional)"), required=False)

    def workflow_kwargs(self) -> dict:
        return {"summary": self.cleaned_data["summary"], "files": self.cleaned_data["files"]}
