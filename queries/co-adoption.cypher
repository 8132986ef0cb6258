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
// sets: contexts
// Each document and place has a derived ProgramSet node (docs/schema.md) listing the programs its
// implementations name, with or without candidates and plans: pairs come from those lists instead
// of joining every Implementation with its program, place and document. The lists are read as the
// programs' uriHash numbers, which the embedded engine pairs and counts faster than IRIs; the
// programs (IRIs, labels) are looked up for the counted pairs, and each pair is listed with the
// lesser IRI first, as program_a.
MATCH (c:ProgramSet)
WHERE c.by = $by
WITH CASE WHEN $candidates THEN CASE WHEN $planned THEN c.programsAllHashes ELSE c.reportedAllHashes END
          ELSE CASE WHEN $planned THEN c.programsHashes ELSE c.reportedHashes END END AS hashes
UNWIND coalesce(hashes, []) AS ha
UNWIND coalesce(hashes, []) AS hb
WITH ha, hb
WHERE ha < hb
WITH ha, hb, count(*) AS together
WHERE together >= $min_count
// One node per MATCH: the embedded engine recomputes the pairs for a two-node pattern here.
MATCH (pa:Program)
WHERE pa.uriHash = ha
WITH pa, hb, together
MATCH (pb:Program)
WHERE pb.uriHash = hb
WITH together,
     CASE WHEN pa.uri < pb.uri THEN pa ELSE pb END AS first,
     CASE WHEN pa.uri < pb.uri THEN pb ELSE pa END AS second
WHERE $program IS NULL OR first.uri IN $program_uris OR second.uri IN $program_uris
WITH first, second, together
ORDER BY together DESC, first.uri, second.uri
LIMIT $limit
// The contexts are listed for the kept pairs only: collecting them for every pair was most of
// the work.
MATCH (c:ProgramSet)
WHERE c.by = $by
WITH first, second, together, c.name AS context_name,
     CASE WHEN $candidates THEN CASE WHEN $planned THEN c.programsAllHashes ELSE c.reportedAllHashes END
          ELSE CASE WHEN $planned THEN c.programsHashes ELSE c.reportedHashes END END AS hashes
WHERE first.uriHash IN hashes AND second.uriHash IN hashes
WITH first, second, together, collect(context_name) AS contexts
RETURN first.prefLabel AS program_a,
       second.prefLabel AS program_b,
       together,
       contexts,
       first.uri AS program_a_uri,
       second.uri AS program_b_uri
ORDER BY together DESC, program_a, program_b, program_a_uri, program_b_uri
