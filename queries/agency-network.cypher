// name: agency-network
// description: Agencies with their jurisdiction, parent bodies, partners and sub-units, and how many
//   implementations name them as agent.
// param agency: agency -- only this agency (by name or uri)
// param connected: bool = false -- only agencies with a parent, partner or sub-unit
// param limit: int = 1000 -- most rows returned
// columns: agency, level, jurisdiction, parents, partners, sub_units, implementations, agency_uri,
//   jurisdiction_uri
// sets: parents, partners, sub_units
MATCH (a:Agency)
WHERE $agency IS NULL OR a.uri IN $agency_uris
// Counted first, per agency: counting after the collects made the engine redo them per implementation.
OPTIONAL MATCH (i:Implementation)-[:agent]->(a)
WITH a, count(DISTINCT i) AS implementations
OPTIONAL MATCH (a)-[:jurisdiction]->(pl:Place)
WITH a, implementations, pl
OPTIONAL MATCH (a)-[:subOrganizationOf]->(up:Agency)
WITH a, implementations, pl, collect(DISTINCT up.prefLabel) AS parents
OPTIONAL MATCH (a)-[:partner]-(partner:Agency)
WITH a, implementations, pl, parents, collect(DISTINCT partner.prefLabel) AS partners
OPTIONAL MATCH (sub:Agency)-[:subOrganizationOf]->(a)
WITH a, implementations, pl, parents, partners, collect(DISTINCT sub.prefLabel) AS sub_units
WHERE NOT $connected OR size(parents) + size(partners) + size(sub_units) > 0
RETURN a.prefLabel AS agency,
       a.agencyLevel AS level,
       pl.label AS jurisdiction,
       parents,
       partners,
       sub_units,
       implementations,
       a.uri AS agency_uri,
       pl.uri AS jurisdiction_uri
ORDER BY implementations DESC, agency, agency_uri, jurisdiction_uri
LIMIT $limit
