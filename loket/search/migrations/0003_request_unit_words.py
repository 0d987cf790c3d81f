"""On PostgreSQL only: a request's words once more, each tagged with its unit, so that a search
within one unit reads only that unit's entries of the word index; and the unit's requests by date.

`requests_servicerequest.unit_words` holds the lexemes of `search_words` (migration 0001) prefixed
with the request's unit id, positions kept ('15:presensi':4), with its own GIN index. The same
trigger keeps both columns, now also when the unit changes. A search of unit 15 asks
loket_unit_query(15, query), the same query with every lexeme prefixed alike; no typed word can
produce a lexeme with that prefix ("15:x" is parsed as two words).

Why: with the words of all units in one index, finding the matches of one unit read every unit's
(the word's whole posting list, then those of the unit's 50,000 requests): 10 to 25 ms per search
at 1,000,000 requests, growing with the history, for counting alone. Read by unit, under 2 ms.

`search_request_unit_date` (unit, submission date) lets a search whose words are common read a
unit's requests newest first and stop at the page, instead of collecting every match to sort.
"""

from django.db import migrations

WORDS = ("subject", "requesting_unit", "signatory_name", "letter_number", "description")
# Lexemes in a tsquery's text: quoted, a quote doubled and a backslash escaped inside.
LEXEME = r"""$re$'((?:''|\\.|[^'\\])*)'$re$"""
FUNCTIONS = [
    # The lexemes of `words` with `unit` in front ('15:word'), each with its positions, so that
    # phrases ("a <-> b") match as they do in the plain column. Lexemes always carry positions
    # in a column made by to_tsvector; the coalesce keeps one that had none valid.
    """
    CREATE OR REPLACE FUNCTION loket_unit_words(unit bigint, words tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
        SELECT coalesce(string_agg(
            '''' || replace(replace(unit || ':' || lexeme, '\\', '\\\\'), '''', '''''') || ''''
            || coalesce(':' || array_to_string(positions, ','), ''), ' '), '')::tsvector
        FROM unnest(words)
    $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION loket_unit_query(unit bigint, query tsquery) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
        SELECT regexp_replace(query::text, {LEXEME}, '''' || unit || ':\\1''', 'g')::tsquery
    $$
    """,
]


def request_trigger(*, unit_words: bool) -> list[str]:
    columns = WORDS + ("unit_id",) if unit_words else WORDS
    also = "NEW.unit_words := loket_unit_words(NEW.unit_id, NEW.search_words);" if unit_words else ""
    return [
        f"""
        CREATE OR REPLACE FUNCTION loket_request_search() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.search_words := to_tsvector('simple'::regconfig, loket_unaccent(
                {" || ' ' || ".join(f"coalesce(NEW.{column}, '')" for column in WORDS)}));
            {also}
            -- Words only (no numbers, letter numbers or addresses): what a person could misspell.
            INSERT INTO search_word (word)
            SELECT lexeme FROM unnest(tsvector_to_array(NEW.search_words)) AS lexeme
            WHERE lexeme ~ '^[[:alpha:]][[:alpha:]-]+$' AND length(lexeme) <= 60
            ON CONFLICT DO NOTHING;
            RETURN NEW;
        END
        $$
        """,
        "DROP TRIGGER IF EXISTS loket_request_search ON requests_servicerequest",
        f"""
        CREATE TRIGGER loket_request_search
        BEFORE INSERT OR UPDATE OF {", ".join(columns)} ON requests_servicerequest
        FOR EACH ROW EXECUTE FUNCTION loket_request_search()
        """,
    ]


FORWARDS = [
    *FUNCTIONS,
    "ALTER TABLE requests_servicerequest ADD COLUMN IF NOT EXISTS unit_words tsvector",
    *request_trigger(unit_words=True),
    # The rows already there (the trigger does not answer an update of unit_words alone).
    "UPDATE requests_servicerequest SET unit_words = loket_unit_words(unit_id, search_words)",
    """
    CREATE INDEX IF NOT EXISTS search_request_unit_words ON requests_servicerequest
    USING gin (unit_words)
    """,
    """
    CREATE INDEX IF NOT EXISTS search_request_unit_date ON requests_servicerequest
    (unit_id, submitted_at)
    """,
    "ANALYZE requests_servicerequest",
]
BACKWARDS = [
    "DROP INDEX IF EXISTS search_request_unit_date",
    "DROP INDEX IF EXISTS search_request_unit_words",
    *request_trigger(unit_words=False),
    "ALTER TABLE requests_servicerequest DROP COLUMN IF EXISTS unit_words",
    "DROP FUNCTION IF EXISTS loket_unit_query(bigint, tsquery)",
    "DROP FUNCTION IF EXISTS loket_unit_words(bigint, tsvector)",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0002_service_words")]

    operations = [migrations.RunPython(run(FORWARDS), run(BACKWARDS))]
