// name: targets
// description: Plan indicators (指标) with baseline and target values and years, binding (约束性)
//   or expected (预期性), for a place or program.
// param place: place -- only targets of this place (or places within it)
// param program: program -- only targets tied to this program (or its narrower programs)
// param binding: bool -- only binding (true) or only expected (false) indicators
// param limit: int = 1000 -- most rows returned
// columns: place, metric, unit, baseline, baseline_year, target, target_year, binding, program, document,
//   evidence, target_uri, place_uri, program_uri
// The document's name and jurisdiction are columns of the target, derived at load time
// (docs/schema.md), and each OPTIONAL MATCH is closed by a WITH: the embedded engine then joins one table at a time. The program is not a
// sort key, so it is joined after the cut (the filter on it is an EXISTS before).
MATCH (t:Target)
WHERE ($binding IS NULL OR t.binding = $binding)
  AND ($program IS NULL OR EXISTS { MATCH (t)-[:hasProgram]->(fp:Program) WHERE fp.uri IN $program_uris })
OPTIONAL MATCH (t)-[:hasPlace]->(pl:Place)
WITH t, pl
WHERE $place IS NULL OR pl.uri IN $place_uris OR t.jurisdictionUri IN $place_uris
OPTIONAL MATCH (t)-[:hasEvidence]->(e:Evidence)
// Sort and cut before reading programs: every kept row yields at least one row below, in the
// same order, so the final LIMIT keeps exactly the rows a single sort would.
WITH t, pl, e
ORDER BY coalesce(pl.label, t.jurisdictionLabel), t.documentName, e.start, t.metric
LIMIT $limit
OPTIONAL MATCH (t)-[:hasProgram]->(p:Program)
WITH t, pl, p, e
WHERE $program IS NULL OR p.uri IN $program_uris
RETURN coalesce(pl.label, t.jurisdictionLabel) AS place,
       t.metric AS metric,
       t.unit AS unit,
       t.baseline AS baseline,
       t.baselineYear AS baseline_year,
       t.target AS target,
       t.targetYear AS target_year,
       t.binding AS binding,
       p.prefLabel AS program,
       t.documentName AS document,
       e.text AS evidence,
       t.uri AS target_uri,
       coalesce(pl.uri, t.jurisdictionUri) AS place_uri,
       p.uri AS program_uri
ORDER BY place, document, e.start, metric
LIMIT $limit
