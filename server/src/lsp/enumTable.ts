// Lines up the three truths of one enum type label by label (ORM -> migrations -> database -> rows), the shared
// shape behind the hover table, the CodeLens mismatch count and the enum map. Pure: no LSP types.
import type { EnumTypeModel, OrmUse } from '../core/model/analysis';

export interface LabelRow {
  member?: string;
  orm?: string;
  migrations?: string;
  database?: string;
  rows?: number;
  /** True when a truth that exists for this type lacks the label or holds another one in its place. */
  mismatch: boolean;
}

export interface EnumTable {
  /** The ORM use whose labels form the reference column (the first that resolved). */
  orm?: OrmUse;
  hasOrm: boolean;
  hasMigrations: boolean;
  hasDatabase: boolean;
  rows: LabelRow[];
  mismatches: number;
}

/** label -> rows holding it, summed over every column of the type. */
export function rowsPerLabel(type: EnumTypeModel): Map<string, number> {
  const totals = new Map<string, number>();
  for (const counts of type.labelCounts) {
    for (const [label, count] of Object.entries(counts.counts)) totals.set(label, (totals.get(label) ?? 0) + count);
  }
  return totals;
}

/**
 * For each reference label, the label of `other` that stands in its place: the same label when `other` holds it,
 * else the next label of `other` no reference label claims (so ADMIN lines up with admin). Labels left over
 * are returned as extras.
 */
function align(reference: string[], other: string[]): { cells: (string | undefined)[]; extras: string[] } {
  const referenceSet = new Set(reference);
  const unclaimed = other.filter((label) => !referenceSet.has(label));
  const otherSet = new Set(other);
  const cells = reference.map((label) => (otherSet.has(label) ? label : unclaimed.shift()));
  return { cells, extras: unclaimed };
}

export function buildEnumTable(type: EnumTypeModel): EnumTable {
  const orm = type.orm.find((use) => use.persisted.ok) ?? type.orm[0];
  const ormLabels = orm?.persisted.ok ? orm.persisted.labels : undefined;
  const migrationLabels = type.migrations?.labels;
  const databaseLabels = type.database?.labels;
  const reference = ormLabels ?? migrationLabels ?? databaseLabels ?? [];
  const counts = rowsPerLabel(type);

  const canonicalMembers = orm?.enumClass?.members.filter((m) => !m.aliasOf) ?? [];
  const memberNames = canonicalMembers.length === reference.length && ormLabels ? canonicalMembers.map((m) => m.name) : [];

  const rows: LabelRow[] = reference.map((label, i) => ({ member: memberNames[i], mismatch: false, ...(ormLabels ? { orm: label } : {}) }));
  const extraRows = new Map<string, LabelRow>();
  const fill = (labels: string[] | undefined, key: 'migrations' | 'database'): void => {
    if (!labels) return;
    const { cells, extras } = align(reference, labels);
    cells.forEach((cell, i) => { rows[i][key] = cell; });
    for (const extra of extras) {
      const row = extraRows.get(extra) ?? { mismatch: false };
      row[key] = extra;
      extraRows.set(extra, row);
    }
  };
  if (ormLabels) {
    fill(migrationLabels, 'migrations');
    fill(databaseLabels, 'database');
  } else if (migrationLabels) {
    rows.forEach((row, i) => { row.migrations = migrationLabels[i]; });
    fill(databaseLabels, 'database');
  } else if (databaseLabels) {
    rows.forEach((row, i) => { row.database = databaseLabels[i]; });
  }
  const all = [...rows, ...extraRows.values()];
  const present = { orm: !!ormLabels, migrations: !!migrationLabels, database: !!databaseLabels };
  for (const row of all) {
    const cells = (['orm', 'migrations', 'database'] as const).filter((k) => present[k]).map((k) => row[k]);
    row.mismatch = cells.some((cell) => cell === undefined || cell !== cells[0]);
    const dbLabel = row.database ?? row.migrations ?? row.orm;
    if (dbLabel !== undefined && counts.has(dbLabel)) row.rows = counts.get(dbLabel);
  }
  return {
    orm,
    hasOrm: present.orm,
    hasMigrations: present.migrations,
    hasDatabase: present.database,
    rows: all,
    mismatches: all.filter((row) => row.mismatch).length,
  };
}
