-- Details of the columns the models name (the VARCHAR columns behind non-native enums): data type in
-- information_schema spelling, declared length, and the CHECK constraints on that column alone.
-- $1, $2, $3 text[]: schema ('' = any schema of $4), table, column, element-wise. $4 text[]: default schemas
-- (empty = every non-system schema).
WITH wanted AS (
  SELECT DISTINCT w.schema, w.tbl, w.col
  FROM unnest($1::text[], $2::text[], $3::text[]) AS w(schema, tbl, col)
)
SELECT n.nspname::text AS schema,
       c.relname::text AS table,
       a.attname::text AS column,
       CASE WHEN t.typcategory = 'A' THEN 'ARRAY'
            WHEN bt.typtype IN ('e', 'c', 'r', 'm') THEN 'USER-DEFINED'
            WHEN bt.typtype = 'b' AND btn.nspname <> 'pg_catalog' THEN 'USER-DEFINED'
            ELSE pg_catalog.format_type(bt.oid, NULL) END AS data_type,
       CASE WHEN bt.oid IN (1042, 1043) AND typmod.value > 4 THEN typmod.value - 4 END AS max_length,
       CASE WHEN bt.typtype = 'e' THEN btn.nspname::text END AS enum_schema,
       CASE WHEN bt.typtype = 'e' THEN bt.typname::text END AS enum_name,
       ARRAY(SELECT pg_catalog.pg_get_constraintdef(k.oid)
             FROM pg_catalog.pg_constraint k
             WHERE k.conrelid = c.oid AND k.contype = 'c' AND k.conkey = ARRAY[a.attnum]::int2[]
             ORDER BY k.conname) AS checks
FROM wanted w
JOIN pg_catalog.pg_class c ON c.relname = w.tbl AND c.relkind IN ('r', 'p')
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = w.col AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
-- A domain column reports its base type, as information_schema does.
JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
JOIN pg_catalog.pg_namespace btn ON btn.oid = bt.typnamespace
CROSS JOIN LATERAL (SELECT CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END AS value) typmod
WHERE CASE WHEN w.schema <> '' THEN n.nspname = w.schema
           WHEN cardinality($4::text[]) > 0 THEN n.nspname = ANY ($4::text[])
           ELSE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%' END
ORDER BY 1, 2, 3;
