// Counts the rows holding each label of one column, bounded so a huge table never blocks: an exact
// GROUP BY below the row cap, a scaled TABLESAMPLE SYSTEM estimate above it.
import type { DbLabelCounts } from '../core/model/types';
import { quoteIdent, quoteQualified } from './sqlIdentifiers';
import type { Queryable } from './queryable';

export interface CountTarget {
  schema: string;
  table: string;
  column: string;
  isArray: boolean;
}

/** Planner estimate for the table: rows, or unknown when it was never analysed. */
export interface TableEstimate {
  rows: number;
  unknown: boolean;
}

/** A column of free text bound to a non-native enum could hold millions of distinct values; keep the top. */
export const maxLabelsPerColumn = 1000;

export interface CountResult {
  counts: DbLabelCounts;
  notes: string[];
}

export async function countLabels(db: Queryable, target: CountTarget, estimate: TableEstimate | undefined, rowCountCap: number): Promise<CountResult> {
  const sampled = estimate !== undefined && !estimate.unknown && estimate.rows > rowCountCap;
  // Read about rowCountCap rows' worth of pages: the cost stays bounded by the cap, not the table.
  const percent = sampled ? Math.min(100, Math.max(0.0001, (100 * rowCountCap) / estimate.rows)) : 100;
  const { rows } = await db.query(labelCountSql(target, sampled ? percent : undefined));

  let sampleRows = 0;
  const raw: [string, number][] = [];
  for (const row of rows) {
    if (row.is_total) sampleRows = Number(row.n);
    else raw.push([String(row.label), Number(row.n)]);
  }
  const notes: string[] = [];
  const name = `${target.schema}.${target.table}.${target.column}`;
  if (raw.length >= maxLabelsPerColumn) notes.push(`${name}: only the ${maxLabelsPerColumn} most frequent values were counted`);
  const where = { schema: target.schema, table: target.table, column: target.column };
  if (!sampled) {
    return { counts: { ...where, counts: Object.fromEntries(raw), totalRows: sampleRows, exact: true }, notes };
  }

  const totalRows = Math.round(estimate.rows);
  const counts: Record<string, number> = {};
  // Scale the sample to the estimate; a label seen in the sample exists at least once.
  const factor = sampleRows > 0 ? totalRows / sampleRows : 0;
  for (const [label, n] of raw) counts[label] = Math.max(1, Math.round(n * factor));
  notes.push(sampleRows > 0
    ? `${name}: ~${totalRows} rows (planner estimate above the ${rowCountCap}-row cap); counts scaled from a ${formatPercent(percent)} sample of ${sampleRows} rows, so rare labels may be missing`
    : `${name}: ~${totalRows} rows (planner estimate above the ${rowCountCap}-row cap); the ${formatPercent(percent)} sample found no rows, so no counts`);
  return { counts: { ...where, counts, totalRows, exact: false }, notes };
}

/**
 * One scan of the table (or of a block sample of it): a first row with the total, then one row per label.
 * Identifiers are quoted; the percentage is a number we computed, never user text.
 */
export function labelCountSql(target: CountTarget, samplePercent?: number): string {
  const table = quoteQualified(target.schema, target.table);
  const column = quoteIdent(target.column);
  const sample = samplePercent === undefined ? '' : ` TABLESAMPLE SYSTEM (${samplePercent.toFixed(4)}) REPEATABLE (0)`;
  const labels = target.isArray
    ? `SELECT u.label::text AS label, count(*) AS n FROM sampled CROSS JOIN LATERAL unnest(sampled.v) AS u(label) WHERE u.label IS NOT NULL GROUP BY u.label`
    : `SELECT v::text AS label, count(*) AS n FROM sampled WHERE v IS NOT NULL GROUP BY v`;
  return [
    `WITH sampled AS MATERIALIZED (SELECT ${column} AS v FROM ${table}${sample}),`,
    `labels AS (${labels} ORDER BY n DESC, label LIMIT ${maxLabelsPerColumn})`,
    `SELECT true AS is_total, NULL::text AS label, (SELECT count(*) FROM sampled)::float8 AS n`,
    `UNION ALL SELECT false, label, n::float8 FROM labels`,
  ].join('\n');
}

function formatPercent(percent: number): string {
  return percent >= 1 ? `${percent.toFixed(0)}%` : `${percent.toPrecision(2)}%`;
}
