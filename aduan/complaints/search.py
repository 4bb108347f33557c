"""Full-text search over a complaint's title, description and address.

PostgreSQL: a stored generated ``tsvector`` column ``search_vector`` built with the
``indonesian`` text search configuration (Snowball stemmer, PostgreSQL 12 and later) and a
GIN index on it; queries go through ``websearch_to_tsquery`` so any user input is valid.

SQLite: an FTS5 table ``complaints_complaint_fts`` over the same three columns
(external content, kept in step by triggers); every word of the query must match, as a
prefix. A Django migration that remakes the complaint table on SQLite drops its triggers, so
``ensure_sqlite_fts`` also runs after every ``migrate`` and rebuilds the index when they were
missing.

Neither the column nor the FTS table is a model field: the ORM never reads or writes them.
The reporter's name, phone and e-mail are deliberately not searchable, so that a search
cannot reveal who sent an anonymous complaint.
"""

# All SQL here is built from the constant names below; user text is always a parameter.
# ruff: noqa: S608, S611

from __future__ import annotations

import re
from typing import Any

from django.db import connection as default_connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

TABLE = "complaints_complaint"
FTS_TABLE = "complaints_complaint_fts"
PG_CONFIG = "indonesian"
#: The migration that installs the search index (the post-migrate repair checks for it).
MIGRATION = "0012_inbox_indexes_and_full_text_search"
SEARCH_COLUMNS = ("title", "description", "address")

PG_FORWARD = [
    f"""ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('{PG_CONFIG}'::regconfig,
            coalesce(title, '') || ' ' || coalesce(description, '') || ' '
            || coalesce(address, ''))
    ) STORED""",
    f"CREATE INDEX c_search ON {TABLE} USING gin (search_vector)",
]
#: The most the GIN index keeps in its pending list (kB) before it merges the list into the
#: index (PostgreSQL's default is 4 MB). Every search reads the whole list, and the
#: planner prices each pending page like a random page read: with the default, a few
#: thousand new complaints (a busy day's intake before autovacuum) made searches of a
#: 10,000–20,000-row table scan the whole table (22 ms instead of 1 ms) or read 250
#: pending pages per search. 128 kB keeps the list at 16 pages at most; an inserted
#: complaint costs about 0.1 ms more in the database (the merges come more often).
PG_PENDING_LIST_KB = 128
PG_PENDING_LIST = [
    f"ALTER INDEX c_search SET (gin_pending_list_limit = {PG_PENDING_LIST_KB})",
    "SELECT gin_clean_pending_list('c_search'::regclass)",
]
PG_PENDING_LIST_BACKWARD = ["ALTER INDEX c_search RESET (gin_pending_list_limit)"]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS c_search",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
]

_COLS = ", ".join(SEARCH_COLUMNS)
_NEW = ", ".join(f"new.{c}" for c in SEARCH_COLUMNS)
_OLD = ", ".join(f"old.{c}" for c in SEARCH_COLUMNS)
SQLITE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5({_COLS}, "
    f"content='{TABLE}', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
)
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ai AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}(rowid, {_COLS}) VALUES (new.id, {_NEW}); END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ad AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLS}) VALUES ('delete', old.id, {_OLD});
        END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_au AFTER UPDATE OF {_COLS} ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLS}) VALUES ('delete', old.id, {_OLD});
        INSERT INTO {FTS_TABLE}(rowid, {_COLS}) VALUES (new.id, {_NEW}); END""",
]
SQLITE_BACKWARD = [
    *(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{suffix}" for suffix in ("ai", "ad", "au")),
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def install(schema_editor: Any) -> None:
    """Create the search column/index (PostgreSQL) or FTS table (SQLite)."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for sql in PG_FORWARD:
            schema_editor.execute(sql)
    elif vendor == "sqlite":
        ensure_sqlite_fts(schema_editor.connection)


def cap_pending_list(schema_editor: Any, *, undo: bool = False) -> None:
    """Bound the search index's pending list (``PG_PENDING_LIST_KB``) and empty it now, or
    (``undo``) give it PostgreSQL's default again."""
    if schema_editor.connection.vendor == "postgresql":
        for sql in PG_PENDING_LIST_BACKWARD if undo else PG_PENDING_LIST:
            schema_editor.execute(sql)


def uninstall(schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}.get(vendor, [])
    for sql in statements:
        schema_editor.execute(sql)


def ensure_sqlite_fts(connection: Any = None) -> bool:
    """Create the FTS5 table and triggers when missing; rebuild the index when any trigger
    was missing (rows may have changed without it). Returns whether it rebuilt."""
    connection = connection or default_connection
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name LIKE %s",
            [f"{FTS_TABLE}%"],
        )
        present = {row[0] for row in cursor.fetchall()}
        if f"{TABLE}" not in _tables(cursor):
            return False
        wanted = {FTS_TABLE, *(f"{FTS_TABLE}_{s}" for s in ("ai", "ad", "au"))}
        if wanted <= present:
            return False
        cursor.execute(SQLITE_TABLE)
        for sql in SQLITE_TRIGGERS:
            cursor.execute(sql)
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    return True


def _tables(cursor: Any) -> set[str]:
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {row[0] for row in cursor.fetchall()}


_WORD = re.compile(r"\w+", re.UNICODE)


def fts5_query(text: str) -> str:
    """Every word of ``text`` as a quoted FTS5 prefix term (implicit AND); never a syntax
    error whatever the user typed."""
    return " ".join(f'"{word}"*' for word in _WORD.findall(text.lower())[:16])


def search_query_sql() -> str:
    """The PostgreSQL tsquery of a search text given as the one parameter."""
    return f"websearch_to_tsquery('{PG_CONFIG}'::regconfig, %s)"


def text_matches(text: str, *, vendor: str | None = None) -> Q:
    """A condition on complaints whose title, description or address match ``text``."""
    vendor = vendor or default_connection.vendor
    if vendor == "postgresql":
        return Q(
            RawSQL(
                f"{TABLE}.search_vector @@ {search_query_sql()}",
                [text],
                output_field=BooleanField(),
            )
        )
    if vendor == "sqlite":
        query = fts5_query(text)
        if not query:
            return Q(pk__in=[])
        return Q(
            RawSQL(
                f"{TABLE}.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",
                [query],
                output_field=BooleanField(),
            )
        )
    return Q(description__icontains=text) | Q(title__icontains=text) | Q(address__icontains=text)
