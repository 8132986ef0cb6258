// name: adoption-matrix
// description: Program × jurisdiction × first year, one row per (program, jurisdiction); CSV-ready.
// param status: choice(done|ongoing|planned) -- count only implementations of this status
// param candidates: bool = false -- include candidate programs (not yet in the vocabulary)
// param limit: int = 100000 -- most rows returned
// columns: program, program_uri, jurisdiction, jurisdiction_code, jurisdiction_uri, first_year, latest_year,
//   statuses, implementations
MATCH (i:Implementation)-[:hasProgram]->(p:Program), (i)-[:hasPlace]->(pl:Place)
WHERE ($status IS NULL OR i.status = $status)
  AND ($candidates OR coalesce(p.candidate, false) = false)
WITH p, pl,
     min(i.year) AS first_year,
     max(i.year) AS latest_year,
     collect(DISTINCT i.status) AS statuses,
     count(DISTINCT i) AS implementations
RETURN p.prefLabel AS program,
       p.uri AS program_uri,
       pl.label AS jurisdiction,
       pl.code AS jurisdiction_code,
       pl.uri AS jurisdiction_uri,
       first_year,
       latest_year,
       statuses,
       implementations
ORDER BY program, jurisdiction, program_uri, jurisdiction_uri
LIMIT $limit
