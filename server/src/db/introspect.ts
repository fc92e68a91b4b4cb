// Reads the database truth about enums in one read-only transaction: enum types and labels, the columns using
// them (and the VARCHAR columns behind non-native enums), label counts per column, and alembic_version.
import type { DatabaseSnapshot, DbColumn, DbEnumType, DbLabelCounts } from '../core/model/types';
import { checkConstraintLabels } from './checkLabels';
import { DatabaseError, toDatabaseError } from './errors';
import { countLabels, type CountTarget, type TableEstimate } from './labelCounts';
import { loadQuery } from './queries';
import type { Queryable } from './queryable';

export type { Queryable } from './queryable';

export interface ColumnOfInterest {
  /** Undefined: any of the requested schemas (the ORM left it to the search_path). */
  schema?: string;
  table: string;
  column: string;
}

export interface IntrospectOptions {
  /** Schemas to read; empty = every non-system schema. */
  schemas: string[];
  columnsOfInterest?: ColumnOfInterest[];
  /** Tables estimated above this many rows get sampled label counts. Default 1,000,000. */
  rowCountCap?: number;
  /** Limit per statement inside the transaction. Default 5000 ms. */
  statementTimeoutMs?: number;
  source: 'live' | 'embedded';
  /** Safe description of the database (redacted URL or schema file name). */
  description: string;
  /** Safe "host:port" for error messages; defaults to `description`. */
  target?: string;
}

export const defaultRowCountCap = 1_000_000;
export const defaultStatementTimeoutMs = 5000;

const stringTypes = new Set(['character varying', 'text', 'character']);

export async function introspect(db: Queryable, options: IntrospectOptions): Promise<DatabaseSnapshot> {
  const target = options.target ?? options.description;
  const statementTimeoutMs = Math.max(1, Math.round(options.statementTimeoutMs ?? defaultStatementTimeoutMs));
  const rowCountCap = Math.max(0, options.rowCountCap ?? defaultRowCountCap);
  const fail = (error: unknown) => toDatabaseError(error, target, { statementTimeoutMs });

  try {
    await db.query('BEGIN TRANSACTION READ ONLY');
  } catch (error) {
    throw fail(error);
  }
  try {
    // A number we computed, not user text: safe to inline (SET cannot take parameters).
    await db.query(`SET LOCAL statement_timeout = ${statementTimeoutMs}`);
    const snapshot = await readSnapshot(db, options, rowCountCap);
    return snapshot;
  } catch (error) {
    throw fail(error);
  } finally {
    // Always end the transaction, even after a failure; a dead connection makes this fail too, harmlessly.
    await db.query('ROLLBACK').catch(() => undefined);
  }
}

async function readSnapshot(db: Queryable, options: IntrospectOptions, rowCountCap: number): Promise<DatabaseSnapshot> {
  const schemas = options.schemas;
  const notes: string[] = [];
  const serverVersion = String((await db.query(loadQuery('serverVersion'))).rows[0]?.server_version ?? 'unknown');

  const enumTypes: DbEnumType[] = (await db.query(loadQuery('enumTypes'), [schemas])).rows.map((row) => ({
    schema: row.schema, name: row.name, labels: toStringArray(row.labels),
  }));

  const columns: DbColumn[] = (await db.query(loadQuery('enumColumns'), [schemas])).rows.map((row) => ({
    schema: row.schema,
    table: row.table,
    column: row.column,
    enumType: { schema: row.type_schema, name: row.type_name },
    isArray: Boolean(row.is_array),
    dataType: row.is_array ? 'ARRAY' : 'USER-DEFINED',
  }));
  const columnKey = (c: { schema: string; table: string; column: string }) => `${c.schema}\u0000${c.table}\u0000${c.column}`;
  const known = new Map(columns.map((c) => [columnKey(c), c]));

  // Columns the models bind to non-native enums: only the catalog can say their type, length and CHECK.
  const wanted = options.columnsOfInterest ?? [];
  const countTargets: CountTarget[] = columns.map(({ schema, table, column, isArray }) => ({ schema, table, column, isArray }));
  if (wanted.length > 0) {
    const details = await db.query(loadQuery('columnDetails'), [
      wanted.map((c) => c.schema ?? ''), wanted.map((c) => c.table), wanted.map((c) => c.column), schemas,
    ]);
    for (const row of details.rows) {
      const checkLabels = firstCheckLabels(toStringArray(row.checks));
      const existing = known.get(columnKey(row));
      if (existing) {
        if (checkLabels) existing.checkLabels = checkLabels;
        continue;
      }
      const column: DbColumn = {
        schema: row.schema,
        table: row.table,
        column: row.column,
        enumType: row.enum_name ? { schema: row.enum_schema, name: row.enum_name } : undefined,
        isArray: row.data_type === 'ARRAY',
        dataType: row.data_type,
        maxLength: row.max_length === null || row.max_length === undefined ? undefined : Number(row.max_length),
        checkLabels,
      };
      columns.push(column);
      known.set(columnKey(column), column);
      if (stringTypes.has(column.dataType) || column.enumType) {
        countTargets.push({ schema: column.schema, table: column.table, column: column.column, isArray: column.isArray });
      }
    }
  }

  const estimates = await tableEstimates(db, countTargets);
  const labelCounts: DbLabelCounts[] = [];
  for (const countTarget of countTargets) {
    const estimate = estimates.get(`${countTarget.schema}\u0000${countTarget.table}`);
    const result = await countInSavepoint(db, countTarget, estimate, rowCountCap, notes);
    if (result) labelCounts.push(result);
  }

  const versionTable = (await db.query(loadQuery('alembicVersionTable'))).rows[0]?.version_table;
  const alembicVersions = versionTable
    ? (await db.query(loadQuery('alembicVersion'))).rows.map((row) => String(row.version_num))
    : null;

  const snapshot: DatabaseSnapshot = {
    source: options.source, description: options.description, serverVersion,
    enumTypes, columns, labelCounts, alembicVersions,
  };
  if (notes.length > 0) snapshot.notes = notes;
  return snapshot;
}

async function tableEstimates(db: Queryable, targets: CountTarget[]): Promise<Map<string, TableEstimate>> {
  const estimates = new Map<string, TableEstimate>();
  if (targets.length === 0) return estimates;
  const { rows } = await db.query(loadQuery('tableEstimates'), [targets.map((t) => t.schema), targets.map((t) => t.table)]);
  for (const row of rows) {
    estimates.set(`${row.schema}\u0000${row.table}`, { rows: Number(row.estimated_rows), unknown: Boolean(row.unknown) });
  }
  return estimates;
}

/**
 * A count that fails (a lock held by a migration makes it hit the statement timeout, or the user may not
 * read that table) must not cost the whole snapshot: the savepoint keeps the transaction usable.
 */
async function countInSavepoint(
  db: Queryable, target: CountTarget, estimate: TableEstimate | undefined, rowCountCap: number, notes: string[],
): Promise<DbLabelCounts | undefined> {
  await db.query('SAVEPOINT enumguard_count');
  try {
    const result = await countLabels(db, target, estimate, rowCountCap);
    await db.query('RELEASE SAVEPOINT enumguard_count');
    notes.push(...result.notes);
    return result.counts;
  } catch (error) {
    const code = (error as { code?: string }).code;
    try {
      await db.query('ROLLBACK TO SAVEPOINT enumguard_count');
    } catch {
      // The connection itself is gone: that is a failure of the snapshot, not of one count.
      throw error;
    }
    const name = `${target.schema}.${target.table}.${target.column}`;
    if (code === '57014') notes.push(`${name}: label counts skipped, the count ran past the statement timeout (a lock or a large table)`);
    else if (code === '42501') notes.push(`${name}: label counts skipped, permission denied on the table`);
    else notes.push(`${name}: label counts skipped (${new DatabaseError('other', String((error as Error).message ?? error)).message})`);
    return undefined;
  }
}

function firstCheckLabels(definitions: string[]): string[] | undefined {
  for (const definition of definitions) {
    const labels = checkConstraintLabels(definition);
    if (labels) return labels;
  }
  return undefined;
}

/** pg parses text[] to arrays; tolerate the '{a,b}' literal too in case a driver leaves it as text. */
function toStringArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value.startsWith('{')) {
    const inner = value.slice(1, -1);
    if (inner === '') return [];
    const items: string[] = [];
    const pattern = /"((?:[^"\\]|\\.)*)"|([^,]+)/g;
    for (let match = pattern.exec(inner); match; match = pattern.exec(inner)) {
      items.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2]);
    }
    return items;
  }
  return [];
}
