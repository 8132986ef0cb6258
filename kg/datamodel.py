"""The classes of the regkg data model (docs/schema.md) that the RDF mapping and the property graph both name.

One list, so IRI minting (:mod:`kg.rdf.iris`) and the property-graph labels (:mod:`kg.store.declared`)
cannot drift apart; tests/test_datamodel.py checks it against ontology/regkg.ttl. Plain strings: this
module imports nothing, so the light store modules and the RDF mapping can both use it.
"""

from __future__ import annotations

# The rk:Assertion subclasses: what one document states, each with the evidence sentence.
ASSERTION_CLASSES: tuple[str, ...] = (
    "Implementation",
    "Pilot",
    "NoveltyClaim",
    "Outcome",
    "Target",
    "PolicyDocument",
    "Recognition",
)
# Not an assertion, but minted per document the same way (rkd:evidence/<hash>).
EVIDENCE_CLASS = "Evidence"
DOCUMENT_CLASS = "Document"
# Entities shared across documents: one node however many documents name them.
ENTITY_CLASSES: tuple[str, ...] = ("Program", "Agency", "Place")
