// name: co-adoption
// description: Pairs of programs most often run (done or ongoing) together in the same document or
//   jurisdiction.
// param by: choice(document|jurisdiction) = document -- what counts as "together"
// param program: program -- only pairs with this program (or one of its narrower programs)
// param candidates: bool = false -- also pair candidate programs (not yet in the vocabulary)
// param planned: bool = false -- also count programs only planned
// param min_count: int = 1 -- least number of shared documents/jurisdictions
// param limit: int = 100 -- most rows returned
// columns: program_a, program_b, together, contexts, program_a_uri, program_b_uri
// Each document and place has a derived ProgramSet node (docs/schema.md) listing the programs its
// implementations name, with or without candidates and plans: pairs come from those lists instead
// of joining every Implementation with its program, place and document.
MATCH (c:ProgramSet)
WHERE c.by = $by
WITH CASE WHEN $candidates THEN CASE WHEN $planned THEN c.programsAll ELSE c.reportedAll END
          ELSE CASE WHEN $planned THEN c.programs ELSE c.reported END END AS programs
UNWIND coalesce(programs, []) AS a
UNWIND coalesce(programs, []) AS b
WITH a, b
WHERE a < b AND ($program IS NULL OR a IN $program_uris OR b IN $program_uris)
WITH a, b, count(*) AS together
WHERE together >= $min_count
WITH a, b, together
ORDER BY together DESC, a, b
LIMIT $limit
// The contexts are listed for the kept pairs only: collecting them for every pair was most of
// the work.
MATCH (c:ProgramSet)
WHERE c.by = $by
WITH a, b, together, c.name AS context_name,
     CASE WHEN $candidates THEN CASE WHEN $planned THEN c.programsAll ELSE c.reportedAll END
          ELSE CASE WHEN $planned THEN c.programs ELSE c.reported END END AS programs
WHERE a IN programs AND b IN programs
WITH a, b, together, collect(context_name) AS contexts
// One node per MATCH: the embedded engine recomputes the pairs for a two-node pattern here.
MATCH (pa:Program)
WHERE pa.uri = a
WITH pa, b, together, contexts
MATCH (pb:Program)
WHERE pb.uri = b
RETURN pa.prefLabel AS program_a,
       pb.prefLabel AS program_b,
       together,
       contexts,
       pa.uri AS program_a_uri,
       pb.uri AS program_b_uri
ORDER BY together DESC, program_a, program_b
