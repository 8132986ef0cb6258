// name: program-adopters
// description: Jurisdictions that ran a program or any of its narrower programs (via broader):
//   first and latest year, the status in the latest year, documents and evidence sentences.
// param program: program! -- the program by label, alias or uri; its narrower programs are included
// param limit: int = 1000 -- most rows returned
// columns: jurisdiction, jurisdiction_code, first_year, latest_year, latest_status, programs, documents,
//   evidence_count, jurisdiction_uri
// sets: programs
MATCH (i:Implementation)-[:hasProgram]->(p:Program), (i)-[:hasPlace]->(pl:Place)
WHERE p.uri IN $program_uris
OPTIONAL MATCH (i)-[:hasEvidence]->(e:Evidence)-[:hasDocument]->(d:Document)
// The latest status is the one of the latest year; within a year done > ongoing > planned.
WITH pl,
     collect(DISTINCT p.prefLabel) AS programs,
     min(i.year) AS first_year,
     max(i.year) AS latest_year,
     max(coalesce(i.year, 0) * 10 +
         CASE i.status WHEN 'done' THEN 3 WHEN 'ongoing' THEN 2 WHEN 'planned' THEN 1 ELSE 0 END) AS latest_key,
     count(DISTINCT d) AS documents,
     count(DISTINCT e) AS evidence_count
RETURN pl.label AS jurisdiction,
       pl.code AS jurisdiction_code,
       first_year,
       latest_year,
       CASE latest_key % 10 WHEN 3 THEN 'done' WHEN 2 THEN 'ongoing' WHEN 1 THEN 'planned' ELSE null END
         AS latest_status,
       programs,
       documents,
       evidence_count,
       pl.uri AS jurisdiction_uri
ORDER BY first_year, jurisdiction, jurisdiction_uri
LIMIT $limit
