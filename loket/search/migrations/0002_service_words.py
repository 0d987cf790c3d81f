"""On PostgreSQL only: each service's words stored in `catalog_service.search_words` (a column the
ORM does not know), and its name unaccented and in lower case in `search_name`, kept by triggers,
instead of computed on every search.

A service's words are its own, its category's and unit's and its current standard's (the newest
by date), `simple` configuration over unaccented text, as loket.search.query searched them before.
Computing them for the 300 services of a university on every search cost 10 to 20 ms (a
to_tsvector over each service's standard in two languages); read from the column, under 1 ms.
The name is what a search that found no service compares the words with (word_similarity):
unaccenting 300 names each time cost 5 ms of the query's 6.

The triggers: a service's own change recomputes its row; a standard's insert, change or delete
recomputes its service; a category's or unit's change of name or code recomputes their services.
Each recomputation is one UPDATE of search_words and search_name alone, which the service's own
trigger (fired by the other columns only) does not answer again. A migration that renames or drops a column that
loket_service_words() reads must update it too; the PostgreSQL tests then fail loudly if not.
"""

from django.db import migrations

SERVICE = ("name_id", "name_en", "summary_id", "summary_en", "code")
STANDARD = (
    *("product_id", "product_en", "application_id", "application_en"),
    *("requirements_id", "requirements_en", "procedure_id", "procedure_en"),
    *("fee_id", "fee_en", "purpose_id", "purpose_en", "scope_id", "scope_en"),
)
# The columns of catalog_service its words depend on (its category and unit among them).
SERVICE_COLUMNS = ", ".join((*SERVICE, "unit_id", "category_id"))
WORDS = f"""
    SELECT to_tsvector('simple'::regconfig, loket_unaccent(concat_ws(' ',
        {", ".join(f"service.{name}" for name in SERVICE)},
        category.name_id, category.name_en, unit.name_id, unit.name_en, unit.code,
        (SELECT concat_ws(' ', {", ".join(f"standard.{name}" for name in STANDARD)})
         FROM catalog_standardrevision AS standard WHERE standard.service_id = service.id
         ORDER BY standard.effective_date DESC, standard.id DESC LIMIT 1))))
    FROM catalog_service AS service
    JOIN catalog_category AS category ON category.id = service.category_id
    JOIN catalog_unit AS unit ON unit.id = service.unit_id
    WHERE service.id = $1
"""
REWORD = (
    "UPDATE catalog_service SET search_words = loket_service_words(id),"
    " search_name = lower(loket_unaccent(name_id)) WHERE {condition};"
)


def trigger(name: str, table: str, events: str, condition: str) -> list[str]:
    return [
        f"""
        CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            {REWORD.format(condition=condition)}
            RETURN NULL;
        END
        $$
        """,
        f"""
        CREATE TRIGGER {name} AFTER {events} ON {table}
        FOR EACH ROW EXECUTE FUNCTION {name}()
        """,
    ]


FORWARDS = [
    "ALTER TABLE catalog_service ADD COLUMN IF NOT EXISTS search_words tsvector",
    "ALTER TABLE catalog_service ADD COLUMN IF NOT EXISTS search_name text",
    f"""
    CREATE OR REPLACE FUNCTION loket_service_words(bigint) RETURNS tsvector
    LANGUAGE sql STABLE AS $$ {WORDS} $$
    """,
    *trigger(
        "loket_service_search",
        "catalog_service",
        f"INSERT OR UPDATE OF {SERVICE_COLUMNS}",
        "id = NEW.id",
    ),
    *trigger(
        "loket_standard_search",
        "catalog_standardrevision",
        "INSERT OR UPDATE OR DELETE",
        # NEW is null on a delete and OLD on an insert: IN skips the null.
        "id IN (CASE WHEN TG_OP <> 'DELETE' THEN NEW.service_id END,"
        " CASE WHEN TG_OP <> 'INSERT' THEN OLD.service_id END)",
    ),
    *trigger(
        "loket_category_search",
        "catalog_category",
        "UPDATE OF name_id, name_en",
        "category_id = NEW.id",
    ),
    *trigger(
        "loket_unit_search",
        "catalog_unit",
        "UPDATE OF name_id, name_en, code",
        "unit_id = NEW.id",
    ),
    REWORD.format(condition="true"),  # the services already there
]
BACKWARDS = [
    "DROP TRIGGER IF EXISTS loket_unit_search ON catalog_unit",
    "DROP TRIGGER IF EXISTS loket_category_search ON catalog_category",
    "DROP TRIGGER IF EXISTS loket_standard_search ON catalog_standardrevision",
    "DROP TRIGGER IF EXISTS loket_service_search ON catalog_service",
    "DROP FUNCTION IF EXISTS loket_unit_search()",
    "DROP FUNCTION IF EXISTS loket_category_search()",
    "DROP FUNCTION IF EXISTS loket_standard_search()",
    "DROP FUNCTION IF EXISTS loket_service_search()",
    "DROP FUNCTION IF EXISTS loket_service_words(bigint)",
    "ALTER TABLE catalog_service DROP COLUMN IF EXISTS search_name",
    "ALTER TABLE catalog_service DROP COLUMN IF EXISTS search_words",
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
        ("catalog", "0003_service_letter_retention"),
        ("search", "0001_postgresql_search"),
    ]

    operations = [migrations.RunPython(run(FORWARDS), run(BACKWARDS))]
