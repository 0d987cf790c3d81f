"""On PostgreSQL only: each complaint's words (its ticket number, subject and description) in
`complaints_complaint.search_words`, and tagged with its unit in `unit_words`, kept by a trigger,
each with a GIN index, and the unit's complaints by date: searched as requests are (migrations
0001 and 0003), `simple` configuration over unaccented text.

Complaints were matched with icontains on those three fields, which reads every complaint a
person may see: 2,756 of unit 15's at 1,000,000 requests (100,000 complaints), 10 to 20 ms a
search for the count and as much again for the page. The words' index reads only the matches.
Complaints' words are not added to search.Word (suggestions are made for requests only).
"""

from django.db import migrations

WORDS = ("ticket", "subject", "description")
FORWARDS = [
    "ALTER TABLE complaints_complaint ADD COLUMN IF NOT EXISTS search_words tsvector",
    "ALTER TABLE complaints_complaint ADD COLUMN IF NOT EXISTS unit_words tsvector",
    f"""
    CREATE OR REPLACE FUNCTION loket_complaint_search() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_words := to_tsvector('simple'::regconfig, loket_unaccent(
            {" || ' ' || ".join(f"coalesce(NEW.{column}, '')" for column in WORDS)}));
        NEW.unit_words := loket_unit_words(NEW.unit_id, NEW.search_words);
        RETURN NEW;
    END
    $$
    """,
    f"""
    CREATE TRIGGER loket_complaint_search
    BEFORE INSERT OR UPDATE OF {", ".join(WORDS)}, unit_id ON complaints_complaint
    FOR EACH ROW EXECUTE FUNCTION loket_complaint_search()
    """,
    "UPDATE complaints_complaint SET subject = subject",  # the complaints already there
    """
    CREATE INDEX IF NOT EXISTS search_complaint_words ON complaints_complaint
    USING gin (search_words)
    """,
    """
    CREATE INDEX IF NOT EXISTS search_complaint_unit_words ON complaints_complaint
    USING gin (unit_words)
    """,
    """
    CREATE INDEX IF NOT EXISTS search_complaint_unit_date ON complaints_complaint
    (unit_id, submitted_at)
    """,
    "ANALYZE complaints_complaint",
]
BACKWARDS = [
    "DROP INDEX IF EXISTS search_complaint_unit_date",
    "DROP INDEX IF EXISTS search_complaint_unit_words",
    "DROP INDEX IF EXISTS search_complaint_words",
    "DROP TRIGGER IF EXISTS loket_complaint_search ON complaints_complaint",
    "DROP FUNCTION IF EXISTS loket_complaint_search()",
    "ALTER TABLE complaints_complaint DROP COLUMN IF EXISTS unit_words",
    "ALTER TABLE complaints_complaint DROP COLUMN IF EXISTS search_words",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0001_initial"),
        ("search", "0003_request_unit_words"),
    ]

    operations = [migrations.RunPython(run(FORWARDS), run(BACKWARDS))]
