from django import forms
from django.utils.translation import gettext_lazy as _

from . import ikm
from .models import PROFILE, Element
from .workflow import Answers

PROFILE_LABELS = {
    "gender": _("Gender"),
    "age_group": _("Age"),
    "education": _("Education"),
    "occupation": _("Occupation"),
}


class QuestionnaireForm(forms.Form):
    """The nine questions (from the Element rows), the optional profile and a suggestion."""

    suggestion = forms.CharField(
        label=_("Suggestions and comments (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, elements: list[Element], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.elements = elements
        for element in elements:
            self.fields[element.field] = forms.TypedChoiceField(
                label=f"{element.number}. {element.question}",
                choices=element.choices(),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose one of the four answers."),
                    "invalid_choice": _("Choose one of the four answers (1–4)."),
                },
            )
        for name in PROFILE:
            self.fields[name] = forms.ChoiceField(
                label=PROFILE_LABELS[name],
                choices=[("", _("Rather not say")), *PROFILE[name].choices],
                required=False,
            )
        self.order_fields([e.field for e in elements] + list(PROFILE) + ["suggestion"])

    def questions(self):
        return [self[element.field] for element in self.elements]

    def profile_fields(self):
        return [self[name] for name in PROFILE]

    def answers(self) -> Answers:
        data = self.cleaned_data
        return Answers(
            scores=tuple(data[f"u{n}"] for n in range(1, ikm.ELEMENTS + 1)),
            suggestion=data["suggestion"],
            **{name: data[name] for name in PROFILE},
        )
