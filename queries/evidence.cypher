// name: evidence
// description: The source sentences behind a node: its own evidence if it is an assertion, else the
//   evidence of every assertion pointing at it (a program's implementations, a place's pilots …).
// param node: node! -- a program, place or agency by name, or any node by uri
// param limit: int = 1000 -- most rows returned
// columns: node, assertion, evidence, section, document, rule, confidence
MATCH (n)
WHERE n.uri IN $node_uris
MATCH (a)-[:hasEvidence]->(e:Evidence)-[:hasDocument]->(d:Document)
WHERE a.uri = n.uri OR EXISTS { MATCH (a)-[]->(n) }
RETURN n.uri AS node,
       a.uri AS assertion,
       e.text AS evidence,
       e.sectionPath AS section,
       coalesce(d.title, d.path, d.uri) AS document,
       e.rule AS rule,
       e.confidence AS confidence
ORDER BY document, e.start, assertion
LIMIT $limit
