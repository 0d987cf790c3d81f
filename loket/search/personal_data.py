"""The suggestion list (search.Word) holds single words of requests, names among them."""

import re

from django.db import connection

from loket.accounts.privacy import Erasure, eraser

STALE_WORDS = """
    DELETE FROM search_word AS w WHERE w.word = ANY(%s) AND NOT EXISTS (
        SELECT 1 FROM requests_servicerequest AS r
        WHERE r.search_words @@ to_tsquery('simple', quote_literal(w.word))
    )
"""


@eraser("search")
def erase(erasure: Erasure) -> None:
    """After the requests' texts were redacted (their trigger rewrote their words): forget the
    words of the person's values that no other request contains."""
    if connection.vendor != "postgresql":
        return  # elsewhere the list stays empty
    person = erasure.person
    values = (person.full_name, person.first_name, person.last_name, person.username)
    words = {w.lower() for v in values for w in re.findall(r"[^\W\d_][\w-]+", v)}
    with connection.cursor() as cursor:
        cursor.execute("SELECT loket_unaccent(w) FROM unnest(%s::text[]) AS w", [list(words)])
        unaccented = [row[0] for row in cursor.fetchall()]
        cursor.execute(STALE_WORDS, [unaccented])
