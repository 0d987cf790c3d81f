"""Look for values in every column of every table of the database, whatever its type."""

from django.db import connection


def tables_and_columns() -> dict[str, list[str]]:
    with connection.cursor() as cursor:
        introspection = connection.introspection
        return {
            table: [column.name for column in introspection.get_table_description(cursor, table)]
            for table in introspection.table_names(cursor)
        }


def find(values: list[str]) -> list[tuple[str, str, str]]:
    """(table, column, value) for each column of each table holding a value, in any case."""
    quote = connection.ops.quote_name
    needles = [v.lower() for v in values]
    hits = []
    with connection.cursor() as cursor:
        for table, columns in tables_and_columns().items():
            texts = [f"LOWER(CAST({quote(column)} AS TEXT))" for column in columns]
            where = " OR ".join(f"{text} LIKE %s" for text in texts for _ in needles)
            select = ", ".join(texts)
            params = [f"%{needle}%" for _ in texts for needle in needles]
            cursor.execute(f"SELECT {select} FROM {quote(table)} WHERE {where}", params)
            for row in cursor.fetchall():
                hits += [
                    (table, column, value)
                    for column, cell in zip(columns, row, strict=True)
                    for value, needle in zip(values, needles, strict=True)
                    if cell is not None and needle in cell
                ]
    return sorted(set(hits))
