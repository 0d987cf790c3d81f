import datetime

import factory

from loket.catalog.models import Application, Audience, Category, Service, StandardRevision, Unit


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"U{n}")
    slug = factory.LazyAttribute(lambda u: u.code.lower())
    name_id = factory.Sequence(lambda n: f"Unit Layanan {n}")
    name_en = factory.Sequence(lambda n: f"Service Unit {n}")
    office_id = "Kantor Pusat"
    office_en = "Head Office"


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    slug = "layanan-aplikasi"
    name_id = "Layanan Aplikasi"
    name_en = "Application Services"


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    unit = factory.SubFactory(UnitFactory)
    category = factory.SubFactory(CategoryFactory)
    slug = factory.Sequence(lambda n: f"layanan-{n}")
    code = factory.Sequence(lambda n: f"SOP#{n:02d}")
    name_id = factory.Sequence(lambda n: f"Layanan Uji {n}")
    name_en = factory.Sequence(lambda n: f"Test Service {n}")
    summary_id = "Ringkasan layanan."
    summary_en = "Service summary."
    revision = factory.RelatedFactory(
        "loket.catalog.tests.factories.StandardRevisionFactory", factory_related_name="service"
    )


class StandardRevisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StandardRevision

    service = factory.SubFactory(ServiceFactory, revision=None)
    version = "1.0"
    effective_date = datetime.date(2024, 10, 31)
    prepared_by = "Subdirektorat Pengembangan Sistem Informasi"
    reviewed_by = "Kepala Subdirektorat Pengelolaan Sistem Informasi"
    approved_by = "Direktur Direktorat Teknologi Informasi dan Komunikasi"
    product_id, product_en = "Aplikasi yang telah di-upgrade", "The upgraded application"
    application_id, application_en = "eService", "eService"
    requirements_id = "Surat permohonan resmi\nNomor WhatsApp"
    requirements_en = "Official request letter\nWhatsApp number"
    procedure_id = "Pemohon mengajukan surat\nAdmin Unit memverifikasi"
    procedure_en = "The requester submits a letter\nThe Unit Admin verifies it"
    completion_days = 14
    fee_id, fee_en = "Gratis", "Free of charge"
    purpose_id, purpose_en = "Tujuan layanan.", "The service's purpose."
    scope_id, scope_en = "Ruang lingkup layanan.", "The service's scope."
    rules_id = "Surat ajuan harus ditandatangani oleh pimpinan"
    rules_en = "The letter must be signed by the unit's leader"


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    name = factory.Sequence(lambda n: f"Aplikasi {n}")
    url = "https://app.example.ac.id/"
    owner_unit = factory.SubFactory(UnitFactory)
    audience = Audience.CIVITAS
    developed_in_house = True
