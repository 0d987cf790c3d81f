"""The list of words for suggestions (search.Word) and, on PostgreSQL only, what
loket.search.query reads there: unaccent, pg_trgm, and a column of requests_servicerequest that
the ORM does not know, `search_words` (a request's words as a tsvector, `simple` configuration
over unaccented text), kept by a trigger that also adds new words to search_word, with a GIN
index; search_word gets a trigram index. The column is stored rather than computed in an index
expression because computing to_tsvector again for each row a plan reads (ordering by date,
counting) cost tens of microseconds a row: seconds over a million requests.

A migration that renames or drops a column the trigger reads must update loket_request_search()
too; the PostgreSQL test run fails loudly if it does not. Elsewhere only the table is made.
"""

from django.db import migrations, models

WORDS = ("subject", "requesting_unit", "signatory_name", "letter_number", "description")
FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # unaccent() is only STABLE (its dictionary could change); naming the dictionary makes a
    # wrapper that may be declared IMMUTABLE, as index expressions and generated values need.
    """
    CREATE OR REPLACE FUNCTION loket_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$
    """,
    "ALTER TABLE requests_servicerequest ADD COLUMN IF NOT EXISTS search_words tsvector",
    f"""
    CREATE OR REPLACE FUNCTION loket_request_search() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_words := to_tsvector('simple'::regconfig, loket_unaccent(
            {" || ' ' || ".join(f"coalesce(NEW.{column}, '')" for column in WORDS)}));
        -- Words only (no numbers, letter numbers or addresses): what a person could misspell.
        INSERT INTO search_word (word)
        SELECT lexeme FROM unnest(tsvector_to_array(NEW.search_words)) AS lexeme
        WHERE lexeme ~ '^[[:alpha:]][[:alpha:]-]+$' AND length(lexeme) <= 60
        ON CONFLICT DO NOTHING;
        RETURN NEW;
    END
    $$
    """,
    f"""
    CREATE TRIGGER loket_request_search
    BEFORE INSERT OR UPDATE OF {", ".join(WORDS)} ON requests_servicerequest
    FOR EACH ROW EXECUTE FUNCTION loket_request_search()
    """,
    "UPDATE requests_servicerequest SET subject = subject",  # the rows already there
    """
    CREATE INDEX IF NOT EXISTS search_request_words ON requests_servicerequest
    USING gin (search_words)
    """,
    "CREATE INDEX IF NOT EXISTS search_word_near ON search_word USING gin (word gin_trgm_ops)",
    "ANALYZE requests_servicerequest",
]
BACKWARDS = [
    "DROP INDEX IF EXISTS search_word_near",
    "DROP INDEX IF EXISTS search_request_words",
    "DROP TRIGGER IF EXISTS loket_request_search ON requests_servicerequest",
    "DROP FUNCTION IF EXISTS loket_request_search()",
    "ALTER TABLE requests_servicerequest DROP COLUMN IF EXISTS search_words",
    "DROP FUNCTION IF EXISTS loket_unaccent(text)",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("requests", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="Word",
            fields=[
                (
                    "word",
                    models.CharField(
                        max_length=60, primary_key=True, serialize=False, verbose_name="word"
                    ),
                ),
            ],
            options={"verbose_name": "search word", "verbose_name_plural": "search words"},
        ),
        migrations.RunPython(run(FORWARDS), run(BACKWARDS)),
    ]
