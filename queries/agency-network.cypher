// name: agency-network
// description: Agencies with their jurisdiction, parent bodies, partners and sub-units, and how many
//   implementations name them as agent.
// param agency: agency -- only this agency (by name or uri)
// param connected: bool = false -- only agencies with a parent, partner or sub-unit
// param limit: int = 1000 -- most rows returned
// columns: agency, level, jurisdiction, parents, partners, sub_units, implementations, agency_uri,
//   jurisdiction_uri
MATCH (a:Agency)
WHERE $agency IS NULL OR a.uri IN $agency_uris
OPTIONAL MATCH (a)-[:jurisdiction]->(pl:Place)
OPTIONAL MATCH (a)-[:subOrganizationOf]->(up:Agency)
WITH a, pl, collect(DISTINCT up.prefLabel) AS parents
OPTIONAL MATCH (a)-[:partner]-(partner:Agency)
WITH a, pl, parents, collect(DISTINCT partner.prefLabel) AS partners
OPTIONAL MATCH (sub:Agency)-[:subOrganizationOf]->(a)
WITH a, pl, parents, partners, collect(DISTINCT sub.prefLabel) AS sub_units
WHERE NOT $connected OR size(parents) + size(partners) + size(sub_units) > 0
OPTIONAL MATCH (i:Implementation)-[:agent]->(a)
RETURN a.prefLabel AS agency,
       a.agencyLevel AS level,
       pl.label AS jurisdiction,
       parents,
       partners,
       sub_units,
       count(DISTINCT i) AS implementations,
       a.uri AS agency_uri,
       pl.uri AS jurisdiction_uri
ORDER BY implementations DESC, agency
LIMIT $limit
