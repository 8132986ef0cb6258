// name: co-adoption
// description: Pairs of programs most often run together in the same document or jurisdiction.
// param by: choice(document|jurisdiction) = document -- what counts as "together"
// param program: program -- only pairs with this program (or one of its narrower programs)
// param min_count: int = 1 -- least number of shared documents/jurisdictions
// param limit: int = 100 -- most rows returned
// columns: program_a, program_b, together, contexts
MATCH (i:Implementation)-[:hasProgram]->(p:Program),
      (i)-[:hasPlace]->(pl:Place),
      (i)-[:hasEvidence]->(:Evidence)-[:hasDocument]->(d:Document)
WITH DISTINCT p,
     CASE WHEN $by = 'jurisdiction' THEN pl.uri ELSE d.uri END AS context,
     CASE WHEN $by = 'jurisdiction' THEN pl.label ELSE coalesce(d.title, d.path, d.uri) END AS context_name
WITH context, context_name, collect(p) AS programs
UNWIND programs AS a
UNWIND programs AS b
WITH a, b, context, context_name
WHERE a.uri < b.uri
  AND ($program IS NULL OR a.uri IN $program_uris OR b.uri IN $program_uris)
WITH a, b, count(DISTINCT context) AS together, collect(DISTINCT context_name) AS contexts
WHERE together >= $min_count
RETURN a.prefLabel AS program_a,
       b.prefLabel AS program_b,
       together,
       contexts
ORDER BY together DESC, program_a, program_b
LIMIT $limit
