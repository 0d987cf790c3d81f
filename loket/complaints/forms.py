"""The complaint pages' forms: parse and validate; the workflow saves."""

from django import forms
from django.utils.translation import gettext_lazy as _

from loket.accounts.models import Role, UnitRole
from loket.catalog.models import Service, Unit
from loket.requests.forms import Form, UploadsField

from .workflow import Details, requests_of


class ComplaintForm(Form):
    """Buat Keluhan."""

    subject = forms.CharField(label=_("Subject of the complaint"), max_length=200)
    description = forms.CharField(
        label=_("What happened"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("When and where it happened, and what you expected instead."),
    )
    related_request = forms.ModelChoiceField(
        label=_("About one of your requests (optional)"),
        queryset=None,
        required=False,
        empty_label=_("Not about a particular request"),
    )
    files = UploadsField(
        label=_("Supporting files (optional)"),
        required=False,
        help_text=_("PDF, or JPG/PNG images; at most 5 files of 5 MB each."),
    )
    hide_identity = forms.BooleanField(
        label=_("Keep my identity hidden from the staff who handle it"),
        required=False,
        help_text=_(
            "Only the unit's Admin Unit will see your name and contact details; everyone else "
            "reads “Identity withheld”."
        ),
    )

    def __init__(self, *args, service: Service, complainant, **kwargs):
        super().__init__(*args, **kwargs)
        self.service = service
        own = requests_of(complainant, service).order_by("-submitted_at")
        self.fields["related_request"].queryset = own
        self.fields["related_request"].label_from_instance = lambda req: (
            f"{req.ticket} · {req.subject}"
        )
        if not own.exists():
            del self.fields["related_request"]

    def details(self) -> Details:
        data = self.cleaned_data
        return Details(
            subject=data["subject"],
            description=data["description"],
            hide_identity=data["hide_identity"],
            related_request=data.get("related_request"),
        )


class NoteForm(Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def workflow_kwargs(self) -> dict:
        return {"note": self.cleaned_data["note"]}


class NotOurRemitForm(NoteForm):
    unit = forms.ModelChoiceField(
        label=_("The unit it belongs to"), queryset=None, empty_label=_("Choose the unit")
    )

    def __init__(self, *args, complaint, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.active().exclude(pk=complaint.unit_id)
        self.order_fields(["unit", "note"])

    def workflow_kwargs(self) -> dict:
        return {"unit": self.cleaned_data["unit"], "note": self.cleaned_data["note"]}


class ReasonForm(Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def workflow_kwargs(self) -> dict:
        return {"reason": self.cleaned_data["reason"]}


class RejectForm(ReasonForm):
    reason = forms.CharField(
        label=_("Reason for the rejection"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ExtendForm(ReasonForm):
    reason = forms.CharField(
        label=_("Reason for the extension"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ReopenForm(ReasonForm):
    reason = forms.CharField(
        label=_("What is still unresolved"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AssignForm(Form):
    staff = forms.ModelChoiceField(
        label=_("Staff"), queryset=None, widget=forms.RadioSelect, empty_label=None
    )
    note = forms.CharField(
        label=_("Instruction"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, complaint, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = (
            UnitRole.objects.filter(unit_id=complaint.unit_id, role=Role.STAFF)
            .select_related("user")
            .order_by("user__full_name", "user__username")
        )
        self.fields["staff"].label_from_instance = lambda role: str(role.user)

    def workflow_kwargs(self) -> dict:
        return {"staff": self.cleaned_data["staff"].user, "note": self.cleaned_data["note"]}


class AnswerForm(Form):
    text = forms.CharField(
        label=_("Answer to the complainant"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The complainant reads this in the portal and in the notification."),
    )

    def workflow_kwargs(self) -> dict:
        return {"text": self.cleaned_data["text"]}
