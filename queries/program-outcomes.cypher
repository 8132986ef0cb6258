// name: program-outcomes
// description: Measured outcomes tied to a program across places: metric, value, unit, year, change
//   and rank, with the sentence; without a program, every outcome.
// param program: program -- only outcomes of this program (or its narrower programs)
// param place: place -- only outcomes of this place (or places within it)
// param limit: int = 1000 -- most rows returned
// columns: program, place, metric, value, unit, year, change, rank, document, evidence, outcome_uri,
//   program_uri, place_uri
MATCH (o:Outcome)
OPTIONAL MATCH (o)-[:hasProgram]->(p:Program)
WITH o, p
WHERE $program IS NULL OR p.uri IN $program_uris
// Each OPTIONAL MATCH is closed by a WITH: the embedded engine then joins one table at a time.
OPTIONAL MATCH (o)-[:hasPlace]->(pl:Place)
WITH o, p, pl
// The document's name and jurisdiction are columns of the outcome, derived at load time
// (docs/schema.md): joining them is row by row in the embedded engine.
WHERE $place IS NULL OR pl.uri IN $place_uris OR o.jurisdictionUri IN $place_uris
// Sort and cut before reading documents and sentences: every kept row yields at least one row
// below, in the same order, so the final LIMIT keeps exactly the rows a single sort would.
WITH o, p, pl
ORDER BY p.prefLabel, o.metric, coalesce(pl.label, o.jurisdictionLabel), o.year, o.uri, p.uri, pl.uri
LIMIT $limit
OPTIONAL MATCH (o)-[:hasEvidence]->(e:Evidence)
RETURN p.prefLabel AS program,
       coalesce(pl.label, o.jurisdictionLabel) AS place,
       o.metric AS metric,
       o.value AS value,
       o.unit AS unit,
       o.year AS year,
       o.change AS change,
       o.rank AS rank,
       o.documentName AS document,
       e.text AS evidence,
       o.uri AS outcome_uri,
       p.uri AS program_uri,
       coalesce(pl.uri, o.jurisdictionUri) AS place_uri
ORDER BY program, metric, place, year, outcome_uri, program_uri, place_uri, evidence
LIMIT $limit
