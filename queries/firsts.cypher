// name: firsts
// description: Novelty claims (全国首个, 全省率先, 首创) by scope, place or program; the claimant is
//   the jurisdiction of the document that makes the claim.
// param scope: choice(national|provincial|municipal|unspecified) -- only claims of this scope
// param place: place -- only claims by or about this place (or places within it)
// param program: program -- only claims about this program (or its narrower programs)
// param limit: int = 1000 -- most rows returned
// columns: scope, claimant, place, program, what, year, document, evidence, claim_uri, claimant_uri, place_uri,
//   program_uri
// The document's name and summary year and its jurisdiction are columns of the claim, derived at
// load time (docs/schema.md): joining them is row by row in the embedded engine.
MATCH (c:NoveltyClaim)
WHERE ($scope IS NULL OR c.scope = $scope)
  AND ($program IS NULL OR EXISTS { MATCH (c)-[:hasProgram]->(fp:Program) WHERE fp.uri IN $program_uris })
OPTIONAL MATCH (c)-[:hasPlace]->(pl:Place)
WITH c, pl
WHERE $place IS NULL OR pl.uri IN $place_uris OR c.jurisdictionUri IN $place_uris
// Sort and cut before reading programs and sentences: every kept row yields at least one row
// below, in the same order, so the final LIMIT keeps exactly the rows a single sort would.
WITH c, pl
ORDER BY CASE c.scope WHEN 'national' THEN 0 WHEN 'provincial' THEN 1 WHEN 'municipal' THEN 2 ELSE 3 END,
         coalesce(c.jurisdictionLabel, pl.label), coalesce(c.year, c.documentSummaryYear), c.what, c.uri,
         pl.uri
LIMIT $limit
OPTIONAL MATCH (c)-[:hasProgram]->(p:Program)
WITH c, pl, p
WHERE $program IS NULL OR p.uri IN $program_uris
OPTIONAL MATCH (c)-[:hasEvidence]->(e:Evidence)
RETURN c.scope AS scope,
       coalesce(c.jurisdictionLabel, pl.label) AS claimant,
       pl.label AS place,
       p.prefLabel AS program,
       c.what AS what,
       coalesce(c.year, c.documentSummaryYear) AS year,
       c.documentName AS document,
       e.text AS evidence,
       c.uri AS claim_uri,
       coalesce(c.jurisdictionUri, pl.uri) AS claimant_uri,
       pl.uri AS place_uri,
       p.uri AS program_uri
ORDER BY CASE scope WHEN 'national' THEN 0 WHEN 'provincial' THEN 1 WHEN 'municipal' THEN 2 ELSE 3 END,
         claimant, year, what, claim_uri, place_uri, program_uri, evidence
LIMIT $limit
