"""The default "who is told what" (issue 5); superadmins change it in the Admin Panel."""

from django.db import migrations

REQUESTER_HEARS = [
    "submitted",
    "resubmitted",
    "returned",
    "rejected",
    "verified",
    "forwarded",
    "disposed",
    "in_progress",
    "completed",
    "closed",
    "cancelled",
    "progress_note",
]
DEFAULTS = (
    [(trigger, "requester") for trigger in REQUESTER_HEARS]
    + [("submitted", "unit_admin"), ("resubmitted", "unit_admin")]
    + [("forwarded", "director"), ("overdue", "director")]
    + [("disposed", "assigned_staff"), ("redisposed", "assigned_staff")]
)


def add_defaults(apps, schema_editor):
    Rule = apps.get_model("notifications", "Rule")
    for trigger, audience in DEFAULTS:
        Rule.objects.get_or_create(trigger=trigger, audience=audience)


def remove_defaults(apps, schema_editor):
    Rule = apps.get_model("notifications", "Rule")
    for trigger, audience in DEFAULTS:
        Rule.objects.filter(trigger=trigger, audience=audience).delete()


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, remove_defaults)]
