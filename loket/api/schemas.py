"""What the API answers with. Bilingual catalog text comes as <field>_id and <field>_en."""

import datetime

from django.urls import reverse
from ninja import Schema

from loket.requests import presenters
from loket.requests.models import Attachment, Event, ServiceRequest


class UnitOut(Schema):
    code: str
    slug: str
    name_id: str
    name_en: str
    office_id: str
    office_en: str
    parent: str | None
    url: str

    @staticmethod
    def resolve_parent(unit) -> str | None:
        return unit.parent.code if unit.parent_id else None

    @staticmethod
    def resolve_url(unit) -> str:
        return unit.get_absolute_url()


class CategoryOut(Schema):
    slug: str
    name_id: str
    name_en: str


class StandardOut(Schema):
    """The service's current standard (Standar Pelayanan): its newest revision."""

    version: str
    effective_date: datetime.date
    completion_days: int
    product_id: str
    product_en: str
    application_id: str
    application_en: str
    requirements_id: str
    requirements_en: str
    procedure_id: str
    procedure_en: str
    fee_id: str
    fee_en: str
    purpose_id: str
    purpose_en: str
    scope_id: str
    scope_en: str
    rules_id: str
    rules_en: str
    prepared_by: str
    reviewed_by: str
    approved_by: str


class ServiceBrief(Schema):
    slug: str
    code: str
    name_id: str
    name_en: str
    summary_id: str
    summary_en: str
    unit: str
    category: CategoryOut
    asks_for_application: bool
    url: str

    @staticmethod
    def resolve_unit(service) -> str:
        return service.unit.code

    @staticmethod
    def resolve_url(service) -> str:
        return service.get_absolute_url()


class ServiceOut(ServiceBrief):
    standard: StandardOut | None

    @staticmethod
    def resolve_standard(service):
        revisions = list(service.revisions.all())  # prefetched, newest first
        return revisions[0] if revisions else None


class ApplicationOut(Schema):
    id: int
    name: str
    url: str
    owner_unit: str
    audience: str
    developed_in_house: bool
    upgradable: bool

    @staticmethod
    def resolve_owner_unit(application) -> str:
        return application.owner_unit.code

    @staticmethod
    def resolve_upgradable(application) -> bool:
        """Rules 2 and 3 of SOP#24: may an upgrade request choose it?"""
        return (
            application.is_active
            and application.developed_in_house
            and (application.audience != "public")
        )


class RequestOut(Schema):
    ticket: str
    status: str
    status_label: str
    service: str
    service_name: str
    unit: str
    subject: str
    requesting_unit: str
    submitted_at: datetime.datetime
    due_date: datetime.date
    url: str

    @staticmethod
    def resolve_status_label(req: ServiceRequest) -> str:
        return str(req.get_status_display())

    @staticmethod
    def resolve_service(req: ServiceRequest) -> str:
        return req.service.slug

    @staticmethod
    def resolve_service_name(req: ServiceRequest) -> str:
        return req.service.name

    @staticmethod
    def resolve_unit(req: ServiceRequest) -> str:
        return req.unit.code

    @staticmethod
    def resolve_url(req: ServiceRequest) -> str:
        return req.get_absolute_url()


class FileOut(Schema):
    id: int
    kind: str
    name: str
    content_type: str
    size: int
    uploaded_at: datetime.datetime
    url: str

    @staticmethod
    def resolve_url(attachment: Attachment) -> str:
        return reverse("requests:download", args=[attachment.req.ticket, attachment.pk])


class EventOut(Schema):
    action: str
    label: str
    at: datetime.datetime
    from_status: str
    to_status: str
    note: str
    public: bool
    actor: str | None
    files: list[int]

    @staticmethod
    def resolve_label(event: Event) -> str:
        return presenters.event_label(event.action)

    @staticmethod
    def resolve_at(event: Event) -> datetime.datetime:
        return event.created_at

    @staticmethod
    def resolve_public(event: Event) -> bool:
        return event.is_public

    @staticmethod
    def resolve_actor(event: Event) -> str | None:
        return event.shown_actor  # set by the router: only unit roles see who did what

    @staticmethod
    def resolve_files(event: Event) -> list[int]:
        return [attachment.pk for attachment in event.files.all()]


class ApplicationRef(Schema):
    id: int
    name: str


class DispositionOut(Schema):
    staff: list[str]
    instructions: list[str]
    urgency: str
    due_date: datetime.date
    note: str
    at: datetime.datetime

    @staticmethod
    def resolve_staff(disposition) -> list[str]:
        return [str(person) for person in disposition.staff.all()]

    @staticmethod
    def resolve_at(disposition) -> datetime.datetime:
        return disposition.created_at


class RequestDetailOut(RequestOut):
    intake: str
    requester: str
    application: ApplicationRef | None
    description: str
    desired_features: str
    letter_number: str
    letter_date: datetime.date
    signatory_name: str
    signatory_position: str
    whatsapp: str
    completed_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    result_summary: str
    actions: list[str]
    timeline: list[EventOut]
    files: list[FileOut]
    disposition: DispositionOut | None

    @staticmethod
    def resolve_requester(req: ServiceRequest) -> str:
        return str(req.requester)

    # The router sets these from the same functions the request page uses.
    @staticmethod
    def resolve_actions(req: ServiceRequest) -> list[str]:
        return req.api_actions

    @staticmethod
    def resolve_timeline(req: ServiceRequest) -> list[Event]:
        return req.api_timeline

    @staticmethod
    def resolve_files(req: ServiceRequest) -> list[Attachment]:
        return req.api_files

    @staticmethod
    def resolve_disposition(req: ServiceRequest):
        return req.api_disposition


class Found(Schema):
    """One type's page of search results; `more` means there are more than `count`."""

    count: int
    more: bool
    page: int
    pages: int
    near: bool


class ServicesFound(Found):
    results: list[ServiceBrief]


class RequestsFound(Found):
    """`suggestion`: when no request had the words asked for, the near words searched instead."""

    suggestion: str
    results: list[RequestOut]


class ComplaintBrief(Schema):
    """A complaint found by a search; it never names the complainant."""

    ticket: str
    status: str
    status_label: str
    service: str
    unit: str
    subject: str
    submitted_at: datetime.datetime
    url: str

    @staticmethod
    def resolve_status_label(complaint) -> str:
        return str(complaint.get_status_display())

    @staticmethod
    def resolve_service(complaint) -> str:
        return complaint.service.slug

    @staticmethod
    def resolve_unit(complaint) -> str:
        return complaint.unit.code

    @staticmethod
    def resolve_url(complaint) -> str:
        return complaint.get_absolute_url()


class ComplaintsFound(Found):
    results: list[ComplaintBrief]


class SearchOut(Schema):
    """A type not searched (or, for requests and complaints, not signed in) is null."""

    services: ServicesFound | None
    requests: RequestsFound | None
    complaints: ComplaintsFound | None = None


class MessageOut(Schema):
    id: int
    title: str
    body: str
    link: str
    ticket: str | None
    created_at: datetime.datetime
    read_at: datetime.datetime | None

    @staticmethod
    def resolve_ticket(message) -> str | None:
        if message.complaint_id:
            return message.complaint.ticket
        return message.req.ticket if message.req_id else None
