"""Exports of the data dir's graph: RDF (rdflib), GraphML/GEXF (networkx), neo4j-admin CSV.

RDF formats serialize the dataset itself (TriG, N-Quads and JSON-LD keep one named graph per
document; Turtle has no graphs, so it holds their union). GraphML, GEXF and CSV serialize the
property-graph projection, the same one the stores hold.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Dataset, Graph

from kg.store.records import ColumnType, NodeTable, PropertyGraph, RelTable
from kg.store.statements import RESOURCE_LABEL

RDF_FORMATS: dict[str, str] = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}
GRAPH_FORMATS = ("graphml", "gexf")
FORMATS = (*RDF_FORMATS, *GRAPH_FORMATS, "csv")
ARRAY_DELIMITER = ";"  # neo4j-admin's default --array-delimiter


def export_rdf(dataset: Dataset, fmt: str) -> str:
    """The dataset as ``ttl`` (union of the graphs), ``trig``, ``nq`` or ``jsonld``."""
    if fmt == "ttl":
        union = Graph()
        for prefix, namespace in dataset.namespaces():
            union.bind(prefix, namespace)
        for s, p, o, _g in dataset.quads((None, None, None, None)):
            union.add((s, p, o))
        return union.serialize(format="turtle")
    return dataset.serialize(format=RDF_FORMATS[fmt])


def to_networkx(graph: PropertyGraph) -> nx.MultiDiGraph:
    """The projection as a networkx multigraph keyed by uri; lists become JSON text (GraphML has none).

    Nodes carry ``labels`` (``":Place"``, as APOC's GraphML export writes it); edges carry
    ``label`` = the relationship type, and use it as their key.
    """
    g = nx.MultiDiGraph()
    kinds = _attribute_kinds(graph)
    for node in graph.nodes():
        attrs = {k: _flat(v, kinds[k]) for k, v in node.properties.items() if v is not None}
        g.add_node(node.uri, labels=f":{node.label}", uri=node.uri, **attrs)
    for rel in graph.relationships():
        g.add_edge(rel.start, rel.end, key=rel.type, label=rel.type)
    return g


def _attribute_kinds(graph: PropertyGraph) -> dict[str, type]:
    """One Python type per attribute name over all labels (GraphML declares each key once)."""
    seen: dict[str, set[type]] = {}
    for table in graph.node_tables.values():
        for name, ctype in table.columns.items():
            seen.setdefault(name, set()).add(_python_type(ctype))
    return {name: types.pop() if len(types) == 1 else str for name, types in seen.items()}


def _python_type(ctype: ColumnType) -> type:
    if ctype.is_list:
        return str
    return {"STRING": str, "INT64": int, "DOUBLE": float, "BOOLEAN": bool}[ctype.base]


def _flat(value: Any, kind: type) -> Any:
    """A GraphML/GEXF-safe value: lists as JSON arrays, mixed-type keys as text."""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value if isinstance(value, kind) else str(value)


def write_graph_file(graph: PropertyGraph, fmt: str, path: Path) -> Path:
    """Write GraphML or GEXF to ``path``."""
    g = to_networkx(graph)
    if fmt == "graphml":
        nx.write_graphml(g, path, encoding="utf-8")
    else:
        nx.write_gexf(g, path, encoding="utf-8")
    return path


def write_admin_csv(graph: PropertyGraph, directory: Path) -> list[Path]:
    """``neo4j-admin database import`` files: one node file per label, one relationship file per type.

    Also writes ``import-command.txt`` with the matching ``neo4j-admin`` invocation.
    """
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    node_args: list[str] = []
    rel_args: list[str] = []
    for label, table in sorted(graph.node_tables.items()):
        if table.nodes:
            path = _write_node_csv(table, directory / f"nodes-{label}.csv")
            written.append(path)
            node_args.append(f"--nodes={path.name}")
    for rtype, table in sorted(graph.rel_tables.items()):
        if table.relationships:
            path = _write_rel_csv(table, directory / f"relationships-{rtype}.csv")
            written.append(path)
            rel_args.append(f"--relationships={path.name}")
    command = directory / "import-command.txt"
    command.write_text(
        # labels and types come from the :LABEL/:TYPE columns; evidence text may span lines
        "neo4j-admin database import full --array-delimiter=';' --multiline-fields=true "
        + " ".join(node_args + rel_args) + " neo4j\n",
        encoding="utf-8",
    )
    return [*written, command]


def admin_header(table: NodeTable) -> list[str]:
    """``uri:ID``, ``:LABEL`` and each column with its type (``year:int``, ``altLabel:string[]``)."""
    header = ["uri:ID", ":LABEL"]
    for name, ctype in table.columns.items():
        if name != "uri":
            header.append(name if ctype == ColumnType("STRING") else f"{name}:{ctype.admin_header()}")
    return header


def _write_node_csv(table: NodeTable, path: Path) -> Path:
    columns = [c for c in table.columns if c != "uri"]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(admin_header(table))
        for node in table.nodes:
            labels = f"{table.label}{ARRAY_DELIMITER}{RESOURCE_LABEL}"
            writer.writerow([node.uri, labels, *(_csv_value(node.properties.get(c)) for c in columns)])
    return path


def _write_rel_csv(table: RelTable, path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([":START_ID", ":END_ID", ":TYPE"])
        for rel in table.relationships:
            writer.writerow([rel.start, rel.end, rel.type])
    return path


def _csv_value(value: Any) -> str:
    """Arrays joined with the array delimiter, booleans as neo4j-admin reads them, null as empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_csv_value(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
