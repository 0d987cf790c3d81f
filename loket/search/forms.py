import datetime

from django import forms
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from loket.catalog.models import Service
from loket.portal.page_cache import catalog_version, pages
from loket.requests.models import Status

from .query import Criteria

# Bounds that keep a mistyped year (0202, 20266) from reaching the database as a date it refuses.
EARLIEST, LATEST = datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)


class Kind:
    EVERYTHING, SERVICES, REQUESTS, COMPLAINTS = "", "services", "requests", "complaints"
    CHOICES = [
        (EVERYTHING, pgettext_lazy("search type", "Everything")),
        (SERVICES, pgettext_lazy("search type", "Services")),
        (REQUESTS, pgettext_lazy("search type", "Requests")),
        (COMPLAINTS, pgettext_lazy("search type", "Complaints")),
    ]


class DateField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"})

    def validate(self, value) -> None:
        super().validate(value)
        if value and not EARLIEST <= value <= LATEST:
            raise forms.ValidationError(
                _("Enter a date between %(earliest)s and %(latest)s.")
                % {"earliest": date_format(EARLIEST), "latest": date_format(LATEST)}
            )


class SearchForm(forms.Form):
    """The search box and its filters, read from the address (?q=…) so results can be shared."""

    q = forms.CharField(label=_("Words or a ticket number"), max_length=200, required=False)
    type = forms.ChoiceField(label=_("Look in"), choices=Kind.CHOICES, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *Status.choices], required=False
    )
    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=Service.objects.for_cards().order_by("unit__name_id", "order", "name_id"),
        to_field_name="slug",
        empty_label=_("Any service"),
        required=False,
    )
    since = DateField(label=_("Submitted from"), required=False)
    until = DateField(label=_("Submitted until"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["service"].label_from_instance = lambda service: service.name

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end of the date range comes before its start."))
        return data

    def criteria(self) -> Criteria:
        data = self.cleaned_data
        return Criteria(
            text=data["q"],
            status=data["status"],
            service=data["service"],
            since=data["since"],
            until=data["until"],
        )

    @property
    def kind(self) -> str:
        return self.cleaned_data["type"]

    def options(self, name: str) -> SafeString:
        """A filter's <option> elements, the one asked for selected.

        Written here rather than by the widget or a template loop: every search draws them, and
        for the 300 services of a university those cost more than the search itself. The
        services' are kept per catalog version and language (any change of the catalog gives it
        a new version, loket.portal.page_cache, so none outlives a change)."""
        field = self.fields[name]
        if name == "service":
            key = f"search:service-options:{catalog_version()}:{get_language()}"
            html = pages().get(key)
            if html is None:
                services = field.queryset.select_related(None).only("slug", "name_id", "name_en")
                choices = [("", field.empty_label), *((s.slug, s.name) for s in services)]
                html = _options(choices)
                pages().set(key, html)
        else:
            html = _options(field.choices)
        selected = self[name].value()
        if selected is not None:
            chosen = f'<option value="{escape(selected)}">'
            html = html.replace(chosen, chosen[:-1] + " selected>", 1)
        return mark_safe(html)  # every value and label escaped by _options()


def _options(choices) -> str:
    return "".join(
        f'<option value="{escape(value)}">{escape(label)}</option>' for value, label in choices
    )
