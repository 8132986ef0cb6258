// name: planned-vs-reported
// description: Programs a plan announced for a place and year, and whether a summary of that year
//   or later reports them done or ongoing for the same place.
// param place: place -- only plans of this place (or places within it)
// param program: program -- only this program (or its narrower programs)
// param unreported: bool = false -- only plans no later summary reports
// param limit: int = 1000 -- most rows returned
// columns: place, program, plan_year, reported, reported_year, reported_status, plan_document
MATCH (plan:Implementation)-[:hasProgram]->(p:Program), (plan)-[:hasPlace]->(pl:Place)
WHERE plan.status = 'planned'
  AND ($place IS NULL OR pl.uri IN $place_uris)
  AND ($program IS NULL OR p.uri IN $program_uris)
OPTIONAL MATCH (p)<-[:hasProgram]-(rep:Implementation)-[:hasPlace]->(pl)
WHERE rep.status IN ['done', 'ongoing'] AND rep.year >= plan.year
WITH plan, p, pl,
     min(rep.year) AS reported_year,
     max(CASE rep.status WHEN 'done' THEN 2 WHEN 'ongoing' THEN 1 ELSE 0 END) AS reported_rank
WHERE NOT $unreported OR reported_year IS NULL
OPTIONAL MATCH (plan)-[:hasEvidence]->(:Evidence)-[:hasDocument]->(d:Document)
WITH plan, p, pl, reported_year, reported_rank, min(coalesce(d.title, d.path, d.uri)) AS plan_document
RETURN pl.label AS place,
       p.prefLabel AS program,
       plan.year AS plan_year,
       reported_year IS NOT NULL AS reported,
       reported_year,
       CASE reported_rank WHEN 2 THEN 'done' WHEN 1 THEN 'ongoing' ELSE null END AS reported_status,
       plan_document
ORDER BY place, plan_year, reported, program
LIMIT $limit
