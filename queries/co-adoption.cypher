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
MATCH (i:Implementation)-[:hasProgram]->(p:Program), (i)-[:hasPlace]->(pl:Place), (i)-[:inDocument]->(d:Document)
WHERE ($candidates OR coalesce(p.candidate, false) = false)
  AND ($planned OR i.status <> 'planned')
// Pairs are formed from uris, not nodes, and labelled only for the rows kept: much cheaper. The
// inDocument shortcut (docs/schema.md) spares the hop through every Evidence node.
WITH DISTINCT p.uri AS program,
     CASE WHEN $by = 'jurisdiction' THEN pl.uri ELSE d.uri END AS context,
     CASE WHEN $by = 'jurisdiction' THEN pl.label ELSE coalesce(d.title, d.path, d.uri) END AS context_name
WITH context, context_name, collect(program) AS programs
UNWIND programs AS a
UNWIND programs AS b
WITH a, b, context_name
WHERE a < b AND ($program IS NULL OR a IN $program_uris OR b IN $program_uris)
WITH a, b, count(*) AS together, collect(context_name) AS contexts
WHERE together >= $min_count
WITH a, b, together, contexts
ORDER BY together DESC, a, b
LIMIT $limit
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
