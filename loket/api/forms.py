from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “Faculty information system”."),
    )

    lifetime = forms.TypedChoiceField(
        label=_("Valid for"),
        choices=[
            (30, _("30 days")),
            (90, _("90 days")),
            (365, _("1 year")),
        ],
        coerce=int,
        initial=90,
        help_text=_("After this the token stops working; make a new one then."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
