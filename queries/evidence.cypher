// name: evidence
// description: The source sentences behind a node: its own evidence if it is an assertion (or the
//   sentence itself for an Evidence node), else the evidence of every assertion pointing at it (a
//   program's implementations, a place's pilots, an agency's implementations …).
// param node: node! -- a program, place or agency by name, or any node by uri
// param limit: int = 1000 -- most rows returned per kind of node
// columns: node, assertion, evidence, section, document, rule, confidence, evidence_uri, document_uri
// One branch per kind, each starting from a labelled node: an unlabelled (n) would scan every table.
// coalesce(n.uri, …) because the embedded engine crashes on a UNION branch returning one expression twice.
MATCH (n:Program)<-[:hasProgram]-(a)-[:hasEvidence]->(e:Evidence)-[:hasDocument]->(d:Document)
WHERE n.uri IN $node_uris
RETURN n.uri AS node, a.uri AS assertion, e.text AS evidence, e.sectionPath AS section,
       coalesce(d.title, d.path, d.uri) AS document, e.rule AS rule, e.confidence AS confidence,
       e.uri AS evidence_uri, d.uri AS document_uri
ORDER BY document, section, assertion, evidence_uri, document_uri
LIMIT $limit
UNION ALL
MATCH (n:Place)<-[:hasPlace|recipient]-(a)-[:hasEvidence]->(e:Evidence)-[:hasDocument]->(d:Document)
WHERE n.uri IN $node_uris
RETURN n.uri AS node, a.uri AS assertion, e.text AS evidence, e.sectionPath AS section,
       coalesce(d.title, d.path, d.uri) AS document, e.rule AS rule, e.confidence AS confidence,
       e.uri AS evidence_uri, d.uri AS document_uri
ORDER BY document, section, assertion, evidence_uri, document_uri
LIMIT $limit
UNION ALL
MATCH (n:Agency)<-[:agent|recipient|publisher]-(a)-[:hasEvidence]->(e:Evidence)-[:hasDocument]->(d:Document)
WHERE n.uri IN $node_uris
RETURN n.uri AS node, a.uri AS assertion, e.text AS evidence, e.sectionPath AS section,
       coalesce(d.title, d.path, d.uri) AS document, e.rule AS rule, e.confidence AS confidence,
       e.uri AS evidence_uri, d.uri AS document_uri
ORDER BY document, section, assertion, evidence_uri, document_uri
LIMIT $limit
UNION ALL
MATCH (n:Implementation|Pilot|NoveltyClaim|Outcome|Target|PolicyDocument|Recognition)
      -[:hasEvidence]->(e:Evidence)-[:hasDocument]->(d:Document)
WHERE n.uri IN $node_uris
RETURN n.uri AS node, coalesce(n.uri, e.uri) AS assertion, e.text AS evidence, e.sectionPath AS section,
       coalesce(d.title, d.path, d.uri) AS document, e.rule AS rule, e.confidence AS confidence,
       e.uri AS evidence_uri, d.uri AS document_uri
ORDER BY document, section, assertion, evidence_uri, document_uri
LIMIT $limit
UNION ALL
// An Evidence node by uri: the embedded engine reads every column it returns for the whole
// Evidence table before filtering, so the uri is found first (x), and its row is read again
// through its document, among that document's sentences only.
MATCH (x:Evidence)
WHERE x.uri IN $node_uris
WITH x
MATCH (x)-[:hasDocument]->(d:Document)<-[:hasDocument]-(e:Evidence)
WHERE e.uri = x.uri
RETURN e.uri AS node, coalesce(e.uri, d.uri) AS assertion, e.text AS evidence, e.sectionPath AS section,
       coalesce(d.title, d.path, d.uri) AS document, e.rule AS rule, e.confidence AS confidence,
       coalesce(e.uri, e.text, d.uri) AS evidence_uri, d.uri AS document_uri
ORDER BY document, section, evidence_uri, document_uri
LIMIT $limit
