// name: adoption-matrix
// description: Program × jurisdiction × first year, one row per (program, jurisdiction); CSV-ready.
// param status: choice(done|ongoing|planned) -- count only implementations of this status
// param candidates: bool = false -- include candidate programs (not yet in the vocabulary)
// param limit: int = 100000 -- most rows returned
// columns: program, program_uri, jurisdiction, jurisdiction_code, jurisdiction_uri, first_year, latest_year,
//   statuses, implementations
// The rows are the derived Adoption nodes (docs/schema.md), grouped at load time: grouping every
// Implementation by program and place here made the matrix slow. Each (program, place) has one
// node over all statuses (status null) and one per status. sortKey orders like
// (program, jurisdiction, program_uri, jurisdiction_uri).
MATCH (a:Adoption)
WHERE (($status IS NULL AND a.status IS NULL) OR a.status = $status)
  AND ($candidates OR a.candidate = false)
RETURN a.program AS program,
       a.programUri AS program_uri,
       a.jurisdiction AS jurisdiction,
       a.jurisdictionCode AS jurisdiction_code,
       a.jurisdictionUri AS jurisdiction_uri,
       a.firstYear AS first_year,
       a.latestYear AS latest_year,
       coalesce(a.statuses, []) AS statuses,
       a.implementations AS implementations
ORDER BY a.sortKey
LIMIT $limit
