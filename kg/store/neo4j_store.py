"""Neo4j as a :class:`~kg.store.base.GraphStore`, through the official driver.

Opening checks, in order, that the server answers, that it accepts the credentials and that the
database exists, and says which of the three failed. Read-only statements run in managed READ
transactions (the server refuses writes in them); writes run in managed write transactions,
which the driver retries on transient errors (deadlocks, leader switches).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from kg.store.base import QueryError, QueryResult, StoreUnavailableError, WriteRefusedError
from kg.store.values import NEO4J_EXTRA_LABEL, from_neo4j

DEFAULT_URI = "neo4j://localhost:7687"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"
# Bolt schemes only: neo4j:// routes (clusters, Aura), bolt:// talks to one server; +s/+ssc add TLS.
URI_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")
PING = "RETURN 1"
SCHEMA_QUERIES = {
    "labels": "CALL db.labels() YIELD label RETURN label",
    "relationship_types": "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType",
    "property_keys": "CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey",
}
COUNTERS = (
    "nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
    "properties_set", "labels_added", "labels_removed", "constraints_added", "indexes_added",
)


@dataclass(frozen=True)
class Neo4jSettings:
    """Where and as whom to connect; the password never appears in ``repr`` or messages."""

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = field(default="", repr=False)
    database: str = DEFAULT_DATABASE

    @classmethod
    def from_env(
        cls,
        uri: str | None = None,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
    ) -> Neo4jSettings:
        """Explicit values, else ``NEO4J_URI``/``NEO4J_USERNAME``/``NEO4J_PASSWORD``/``NEO4J_DATABASE``."""
        env = os.environ
        return cls(
            uri=uri or env.get("NEO4J_URI") or DEFAULT_URI,
            user=user or env.get("NEO4J_USERNAME") or DEFAULT_USER,
            password=password if password is not None else env.get("NEO4J_PASSWORD", ""),
            database=database or env.get("NEO4J_DATABASE") or DEFAULT_DATABASE,
        )

    def describe(self) -> str:
        """``neo4j@neo4j://host:7687/neo4j`` for messages (no password)."""
        return f"{self.user}@{self.uri}/{self.database}"


def connect(settings: Neo4jSettings) -> Any:
    """A driver verified to reach the server, log in and find the database; clear errors otherwise."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ClientError, ConfigurationError, ServiceUnavailable

    scheme = settings.uri.split("://", 1)[0] if "://" in settings.uri else ""
    if scheme not in URI_SCHEMES:
        raise StoreUnavailableError(
            f"bad Neo4j URI {settings.uri!r}: use one of {', '.join(s + '://' for s in URI_SCHEMES)}"
        )
    try:
        driver = GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password))
    except (ConfigurationError, ValueError) as exc:
        raise StoreUnavailableError(f"bad Neo4j URI {settings.uri!r}: {exc}") from exc
    try:
        driver.verify_connectivity()
        with driver.session(database=settings.database) as session:
            session.run(PING).consume()
    except AuthError as exc:
        driver.close()
        raise StoreUnavailableError(
            f"Neo4j at {settings.uri} rejected user {settings.user!r}: check NEO4J_USERNAME/NEO4J_PASSWORD"
        ) from exc
    except ServiceUnavailable as exc:
        driver.close()
        raise StoreUnavailableError(f"cannot reach Neo4j at {settings.uri}: {exc}") from exc
    except ClientError as exc:
        driver.close()
        if "DatabaseNotFound" in (exc.code or ""):
            raise StoreUnavailableError(
                f"Neo4j at {settings.uri} has no database {settings.database!r} "
                "(set --database or NEO4J_DATABASE)"
            ) from exc
        raise StoreUnavailableError(f"Neo4j at {settings.uri} refused the connection: {exc.message}") from exc
    return driver


def open_neo4j(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> Neo4jStore:
    """Open a Neo4j store from explicit settings or the ``NEO4J_*`` environment."""
    settings = Neo4jSettings.from_env(uri, user, password, database)
    return Neo4jStore(settings, connect(settings))


def counters_of(summary: Any) -> dict[str, int]:
    """The non-zero update counters of a result summary."""
    return {name: getattr(summary.counters, name) for name in COUNTERS if getattr(summary.counters, name)}


class Neo4jStore:
    """A :class:`~kg.store.base.GraphStore` over one Neo4j database."""

    name = "neo4j"

    def __init__(self, settings: Neo4jSettings, driver: Any) -> None:
        self.settings = settings
        self.driver = driver

    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, read_only: bool = True
    ) -> QueryResult:
        """Run one statement in a managed READ (or WRITE) transaction."""
        from neo4j.exceptions import ClientError, Neo4jError

        def work(tx: Any) -> QueryResult:
            result = tx.run(cypher, params or {})
            columns = list(result.keys())
            rows = [[from_neo4j(v) for v in record.values()] for record in result]
            return QueryResult(columns, rows)

        try:
            with self.driver.session(database=self.settings.database) as session:
                return (session.execute_read if read_only else session.execute_write)(work)
        except ClientError as exc:
            if "AccessMode" in (exc.code or "") or "ForbiddenOnReadOnlyDatabase" in type(exc).__name__:
                message = f"refused: the statement writes, but was run read-only ({exc.message})"
                raise WriteRefusedError(message) from exc
            raise QueryError(exc.message or str(exc)) from exc
        except Neo4jError as exc:
            raise QueryError(exc.message or str(exc)) from exc

    def write(self, statement: str, rows: list[dict[str, Any]]) -> dict[str, int]:
        """One sync batch in a managed write transaction (retried on transient errors); its counters."""
        def work(tx: Any) -> dict[str, int]:
            return counters_of(tx.run(statement, rows=rows).consume())

        with self.driver.session(database=self.settings.database) as session:
            return session.execute_write(work)

    def schema(self) -> dict[str, list[str]]:
        """Labels (without n10s' ``Resource``), relationship types and property keys."""
        names = {key: sorted(r[0] for r in self.run(query).rows) for key, query in SCHEMA_QUERIES.items()}
        names["labels"] = [label for label in names["labels"] if label != NEO4J_EXTRA_LABEL]
        return names

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
