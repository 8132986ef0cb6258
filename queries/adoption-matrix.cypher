// name: adoption-matrix
// description: Program × jurisdiction × first year, one row per (program, jurisdiction); CSV-ready.
// param status: choice(done|ongoing|planned) -- count only implementations of this status
// param candidates: bool = false -- include candidate programs (not yet in the vocabulary)
// param limit: int = 100000 -- most rows returned
// columns: program, program_uri, jurisdiction, jurisdiction_code, jurisdiction_uri, first_year, latest_year,
//   statuses, implementations
// The rows are the derived Adoption nodes (docs/schema.md), grouped at load time: grouping every
// Implementation by program and place here made the matrix slow. Each (program, place) has one
// node over all statuses (statusCode 0, status null) and one per status (statusCode 1-3).
// The number lets the embedded engine skip the other statuses' nodes (they are stored in
// statusCode order) when the code is a constant, as it is without a status (the runner inlines the
// null). sortKey orders like (program, jurisdiction, program_uri, jurisdiction_uri). The rows are
// sorted in one WITH and cut in the next: with ORDER BY and LIMIT together the embedded engine
// picks a top-k sort, several times slower than a full sort when the limit exceeds the rows.
// The RETURN keeps that order on both engines (sorting the kept rows again cost ~30 ms at N = 1,000).
MATCH (a:Adoption)
WHERE a.statusCode = CASE $status WHEN 'done' THEN 1 WHEN 'ongoing' THEN 2 WHEN 'planned' THEN 3 ELSE 0 END
  AND ($candidates OR a.candidate = false)
WITH a
ORDER BY a.sortKey
SKIP 0
WITH a
LIMIT $limit
RETURN a.program AS program,
       a.programUri AS program_uri,
       a.jurisdiction AS jurisdiction,
       a.jurisdictionCode AS jurisdiction_code,
       a.jurisdictionUri AS jurisdiction_uri,
       a.firstYear AS first_year,
       a.latestYear AS latest_year,
       coalesce(a.statuses, []) AS statuses,
       a.implementations AS implementations
