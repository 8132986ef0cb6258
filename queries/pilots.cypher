// name: pilots
// description: Pilots (试点) of a program or of all programs: place, level, year, status, evidence.
// param program: program -- only pilots of this program (or its narrower programs)
// param place: place -- only pilots in this place (or places within it)
// param level: choice(national|provincial|municipal|unspecified) -- only pilots of this level
// param limit: int = 1000 -- most rows returned
// columns: place, place_code, program, what, level, year, status, document, evidence, pilot_uri, place_uri,
//   program_uri
MATCH (t:Pilot)
OPTIONAL MATCH (t)-[:hasPlace]->(pl:Place)
OPTIONAL MATCH (t)-[:hasProgram]->(p:Program)
WITH t, pl, p
WHERE ($program IS NULL OR p.uri IN $program_uris)
  AND ($place IS NULL OR pl.uri IN $place_uris)
  AND ($level IS NULL OR t.pilotLevel = $level)
// Sort and cut before reading the sentences: every kept row yields at least one row below, in
// the same order, so the final LIMIT keeps exactly the rows a single sort would.
WITH t, pl, p
ORDER BY pl.label, t.year, t.what, t.uri, p.uri
LIMIT $limit
OPTIONAL MATCH (t)-[:hasEvidence]->(e:Evidence)-[:hasDocument]->(d:Document)
RETURN pl.label AS place,
       pl.code AS place_code,
       p.prefLabel AS program,
       t.what AS what,
       t.pilotLevel AS level,
       t.year AS year,
       t.status AS status,
       coalesce(d.title, d.path, d.uri) AS document,
       e.text AS evidence,
       t.uri AS pilot_uri,
       pl.uri AS place_uri,
       p.uri AS program_uri
ORDER BY place, year, what, pilot_uri, program_uri, document, evidence
LIMIT $limit
