-- Enum types with their labels in enumsortorder (the order PostgreSQL compares them in, not oid order).
-- $1 text[]: schemas to read; empty = every schema except the system ones.
SELECT n.nspname::text AS schema,
       t.typname::text AS name,
       coalesce(array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FILTER (WHERE e.enumlabel IS NOT NULL),
                '{}'::text[]) AS labels
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE t.typtype = 'e'
  AND CASE WHEN cardinality($1::text[]) = 0
           THEN n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
           ELSE n.nspname = ANY ($1::text[]) END
GROUP BY n.nspname, t.typname
ORDER BY 1, 2;
