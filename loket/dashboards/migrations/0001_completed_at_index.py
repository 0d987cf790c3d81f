"""An index on requests_servicerequest.completed_at, for the dashboard's completion figures and the
IKM population (requests completed in a period): without it both read every request of the unit.

Kept here, with the queries that need it, as plain SQL that SQLite and PostgreSQL both accept; the
requests app's models do not know it, as they do not know the search app's column.
"""

from django.db import migrations

INDEX = "dashboards_request_completed_at"


class Migration(migrations.Migration):
    dependencies = [("requests", "0001_initial")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON requests_servicerequest (completed_at)",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
