// name: place-programs
// description: What a place (and the places within it) ran, piloted or planned, year by year.
// param place: place! -- the place by name, code or uri; places within it are included
// param status: choice(done|ongoing|planned) -- only this status
// param year: int -- only this year
// param limit: int = 1000 -- most rows returned
// columns: year, place, kind, program, what, status, evidence_count, assertion_uri, place_uri, program_uri
MATCH (a:Implementation|Pilot)-[:hasPlace]->(pl:Place)
WHERE pl.uri IN $place_uris
  AND ($status IS NULL OR a.status = $status)
  AND ($year IS NULL OR a.year = $year)
OPTIONAL MATCH (a)-[:hasProgram]->(p:Program)
OPTIONAL MATCH (a)-[:hasEvidence]->(e:Evidence)
WITH a, pl, p, count(DISTINCT e) AS evidence_count
// Assertion IRIs name their kind (rkd:pilot/…), which both engines can test without labels().
RETURN a.year AS year,
       pl.label AS place,
       CASE WHEN a.uri CONTAINS '/pilot/' THEN 'pilot' ELSE 'program' END AS kind,
       p.prefLabel AS program,
       a.what AS what,
       a.status AS status,
       evidence_count,
       a.uri AS assertion_uri,
       pl.uri AS place_uri,
       p.uri AS program_uri
ORDER BY year, place, kind, program, what, assertion_uri, program_uri
LIMIT $limit
