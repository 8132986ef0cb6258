// name: planned-vs-reported
// description: Programs a plan announced for a place and year, and whether a summary of that year
//   or later reports them done or ongoing for the same place.
// param place: place -- only plans of this place (or places within it)
// param program: program -- only this program (or its narrower programs)
// param unreported: bool = false -- only plans no later summary reports
// param limit: int = 1000 -- most rows returned
// columns: place, program, plan_year, reported, reported_year, reported_status, plan_document, place_uri,
//   program_uri
// reportedYear/reportedStatus are derived at load time (docs/schema.md): matching every plan with
// every report of its program and place is a join the embedded engine does row by row.
MATCH (plan:Implementation)-[:hasProgram]->(p:Program), (plan)-[:hasPlace]->(pl:Place)
WHERE plan.status = 'planned'
  AND ($place IS NULL OR pl.uri IN $place_uris)
  AND ($program IS NULL OR p.uri IN $program_uris)
  AND (NOT $unreported OR plan.reportedYear IS NULL)
// The plan's document name is a column derived at load time (docs/schema.md).
WITH plan, p, pl
// Ties broken down to the plan, and the same way below, so the LIMIT keeps the same rows on
// every run and engine.
ORDER BY pl.label, plan.year, plan.reportedYear IS NOT NULL, p.prefLabel, plan.uri
LIMIT $limit
WITH plan, p, pl, plan.documentName AS plan_document
RETURN pl.label AS place,
       p.prefLabel AS program,
       plan.year AS plan_year,
       plan.reportedYear IS NOT NULL AS reported,
       plan.reportedYear AS reported_year,
       plan.reportedStatus AS reported_status,
       plan_document,
       pl.uri AS place_uri,
       p.uri AS program_uri
ORDER BY place, plan_year, reported, program, plan.uri
LIMIT $limit
