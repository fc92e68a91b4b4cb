-- Columns of ordinary and partitioned tables whose type is an enum or an array of an enum (through typelem).
-- Partitions are left out: their parent stands for them. Dropped columns and system schemas are left out.
-- $1 text[]: schemas; a column qualifies when its table or its enum type is in one (empty = all).
SELECT n.nspname::text AS schema,
       c.relname::text AS table,
       a.attname::text AS column,
       en.nspname::text AS type_schema,
       et.typname::text AS type_name,
       (t.oid <> et.oid) AS is_array
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN t.typtype = 'e' THEN t.oid ELSE t.typelem END
JOIN pg_catalog.pg_namespace en ON en.oid = et.typnamespace
WHERE et.typtype = 'e'
  AND (t.typtype = 'e' OR t.typcategory = 'A')
  AND a.attnum > 0
  AND NOT a.attisdropped
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_%'
  AND (cardinality($1::text[]) = 0 OR n.nspname = ANY ($1::text[]) OR en.nspname = ANY ($1::text[]))
ORDER BY 1, 2, a.attnum;
