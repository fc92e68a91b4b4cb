-- Planner row estimates (pg_class.reltuples) per table, summed over partitions and inheritance children.
-- Pure catalog reads: no lock on the tables, so a table locked by a migration cannot block this.
-- $1, $2 text[]: schema and table, element-wise. unknown = some part was never analysed (reltuples -1).
WITH RECURSIVE wanted AS (
  SELECT c.oid AS root, n.nspname::text AS schema, c.relname::text AS table
  FROM unnest($1::text[], $2::text[]) AS w(schema, tbl)
  JOIN pg_catalog.pg_namespace n ON n.nspname = w.schema
  JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = w.tbl
), tree AS (
  SELECT root, root AS relid FROM wanted
  UNION
  SELECT tree.root, i.inhrelid FROM tree JOIN pg_catalog.pg_inherits i ON i.inhparent = tree.relid
)
SELECT w.schema,
       w.table,
       sum(CASE WHEN c.relkind = 'p' OR c.reltuples < 0 THEN 0 ELSE c.reltuples END)::float8 AS estimated_rows,
       bool_or(c.relkind <> 'p' AND c.reltuples < 0) AS unknown
FROM wanted w
JOIN tree ON tree.root = w.root
JOIN pg_catalog.pg_class c ON c.oid = tree.relid
GROUP BY w.schema, w.table
ORDER BY 1, 2;
