"""Demo catalog: units, categories, the application registry and services with their standards.

The data lives in catalog.json beside this file; loading is idempotent (keyed by slug/code).
"""

import json
from pathlib import Path

from django.db import transaction

from loket.catalog.models import Application, Category, Service, StandardRevision, Unit

DATA = Path(__file__).with_name("catalog.json")
LIST_FIELDS = ("requirements", "procedure", "rules", "usage_steps")


@transaction.atomic
def load(path: Path = DATA) -> dict[str, int]:
    data = json.loads(path.read_text(encoding="utf-8"))
    categories = {
        row["slug"]: Category.objects.update_or_create(slug=row["slug"], defaults=row)[0]
        for row in data["categories"]
    }
    units = _load_units(data["units"])
    for row in data["applications"]:
        owner = units[row.pop("owner_unit")]
        Application.objects.update_or_create(owner_unit=owner, name=row["name"], defaults=row)
    for row in data["services"]:
        _load_service(row, units=units, categories=categories)
    return {
        "units": len(units),
        "categories": len(categories),
        "applications": len(data["applications"]),
        "services": len(data["services"]),
    }


def _load_units(rows: list[dict]) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for row in rows:  # parents come before their children in the file
        parent_code = row.pop("parent", None)
        row["parent"] = units[parent_code] if parent_code else None
        units[row["code"]] = Unit.objects.update_or_create(code=row["code"], defaults=row)[0]
    return units


def _load_service(row: dict, *, units: dict, categories: dict) -> None:
    revisions = row.pop("revisions")
    row["unit"] = units[row["unit"]]
    row["category"] = categories[row["category"]]
    service = Service.objects.update_or_create(slug=row["slug"], defaults=row)[0]
    for revision in revisions:
        for field in LIST_FIELDS:
            for lang in ("id", "en"):
                key = f"{field}_{lang}"
                if isinstance(revision.get(key), list):
                    revision[key] = "\n".join(revision[key])
        StandardRevision.objects.update_or_create(
            service=service, version=revision["version"], defaults=revision
        )
