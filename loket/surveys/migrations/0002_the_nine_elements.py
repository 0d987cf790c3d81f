"""The nine elements of PermenPANRB No. 14 Tahun 2017 and its questionnaire's wording."""

from django.db import migrations

# number, code, name, question, answers 1–4 (Indonesian, then English)
ELEMENTS = [
    (
        1,
        "persyaratan",
        ("Persyaratan", "Requirements"),
        (
            "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis "
            "pelayanannya?",
            "How well do the service's requirements fit the kind of service?",
        ),
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
        ("Not suitable", "Less suitable", "Suitable", "Very suitable"),
    ),
    (
        2,
        "prosedur",
        ("Sistem, Mekanisme, dan Prosedur", "System, Mechanism and Procedure"),
        (
            "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
            "How easy was the unit's service procedure to follow?",
        ),
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
        ("Not easy", "Less easy", "Easy", "Very easy"),
    ),
    (
        3,
        "waktu",
        ("Waktu Penyelesaian", "Completion Time"),
        (
            "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
            "How fast was the service delivered?",
        ),
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
        ("Not fast", "Less fast", "Fast", "Very fast"),
    ),
    (
        4,
        "biaya",
        ("Biaya/Tarif", "Cost/Fee"),
        (
            "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
            "How fair was the cost or fee of the service?",
        ),
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
        ("Very expensive", "Fairly expensive", "Cheap", "Free of charge"),
    ),
    (
        5,
        "produk",
        ("Produk Spesifikasi Jenis Pelayanan", "Service Product Specification"),
        (
            "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang "
            "tercantum dalam standar pelayanan dengan hasil yang diberikan?",
            "How well did the result match the service product stated in the service standard?",
        ),
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
        ("Not suitable", "Less suitable", "Suitable", "Very suitable"),
    ),
    (
        6,
        "kompetensi",
        ("Kompetensi Pelaksana", "Staff Competence"),
        (
            "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
            "How competent were the staff who served you?",
        ),
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
        ("Not competent", "Less competent", "Competent", "Very competent"),
    ),
    (
        7,
        "perilaku",
        ("Perilaku Pelaksana", "Staff Conduct"),
        (
            "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait "
            "kesopanan dan keramahan?",
            "How polite and friendly were the staff who served you?",
        ),
        (
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ),
        (
            "Not polite and friendly",
            "Less polite and friendly",
            "Polite and friendly",
            "Very polite and friendly",
        ),
    ),
    (
        8,
        "sarana",
        ("Sarana dan Prasarana", "Facilities and Infrastructure"),
        (
            "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
            "How good were the facilities and infrastructure?",
        ),
        ("Buruk", "Cukup", "Baik", "Sangat baik"),
        ("Poor", "Adequate", "Good", "Very good"),
    ),
    (
        9,
        "pengaduan",
        ("Penanganan Pengaduan, Saran dan Masukan", "Handling of Complaints, Suggestions and Input"),
        (
            "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
            "How are complaints from service users handled?",
        ),
        (
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ),
        (
            "There is no way to complain",
            "There is one, but it does not work",
            "It works, but not fully",
            "Handled well",
        ),
    ),
]


def add_elements(apps, schema_editor):
    Element = apps.get_model("surveys", "Element")
    for number, code, name, question, answers_id, answers_en in ELEMENTS:
        Element.objects.update_or_create(
            number=number,
            defaults={
                "code": code,
                "name_id": name[0],
                "name_en": name[1],
                "question_id": question[0],
                "question_en": question[1],
                **{f"answer_{n}_id": text for n, text in enumerate(answers_id, start=1)},
                **{f"answer_{n}_en": text for n, text in enumerate(answers_en, start=1)},
            },
        )


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]

    operations = [migrations.RunPython(add_elements, migrations.RunPython.noop)]
