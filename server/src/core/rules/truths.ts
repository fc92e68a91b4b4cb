// Small shared readings of an enum type's truths, so every rule words and compares them the same way.
import type { EnumTypeModel, OrmUse } from '../model/analysis';
import type { DbLabelCounts, OrmEnumBinding, RuleId, SourceLocation } from '../model/types';

export function quoted(labels: readonly string[]): string {
  return labels.length === 0 ? '(none)' : labels.map((l) => `'${l}'`).join(', ');
}

export function isIgnored(binding: OrmEnumBinding, rule: RuleId): boolean {
  return binding.ignoredRules.includes('*') || binding.ignoredRules.includes(rule);
}

/** The truth the ORM must agree with: the database when it holds the type, else the migrations at head. */
export function targetLabels(type: EnumTypeModel): { labels: string[]; truth: 'database' | 'migrations'; location?: SourceLocation } | undefined {
  if (type.database) return { labels: type.database.labels, truth: 'database', location: type.migrations?.createdAt };
  if (type.migrations) return { labels: type.migrations.labels, truth: 'migrations', location: type.migrations.lastChangedAt };
  return undefined;
}

export function difference(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return a.filter((x) => !other.has(x));
}

export function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return difference(a, b).length === 0 && difference(b, a).length === 0;
}

/** How the declaration reads in messages: `Enum(UserRole)`, `Enum(UserRole, values_callable=…)`, `Mapped[UserRole]`. */
export function describeBinding(use: OrmUse): string {
  const b = use.binding;
  const subject = b.source.kind === 'class' ? b.source.localName : b.source.labels.map((l) => `'${l}'`).join(', ');
  if (b.via === 'Mapped-annotation' || b.via === 'type_annotation_map') return `Mapped[${subject}]`;
  const call = b.via === 'postgresql.ENUM' ? 'ENUM' : 'Enum';
  const extra = b.valuesCallable ? ', values_callable=…' : '';
  const name = b.explicitName ? `, name="${b.explicitName}"` : '';
  return `${call}(${subject}${name}${extra})`;
}

/** The stored-label counts for the column this binding maps, when the database gave them. */
export function countsFor(type: EnumTypeModel, use: OrmUse): DbLabelCounts | undefined {
  const b = use.binding;
  if (!b.table) return undefined;
  const schema = b.schema ?? 'public';
  const column = b.column ?? b.attribute.split('.').pop();
  return type.labelCounts.find((c) => c.table === b.table && c.column === column && c.schema === schema);
}

/** Member values as strings, when every member has a plain string value (what values_callable would persist). */
export function memberValues(use: OrmUse): string[] | undefined {
  const members = use.enumClass?.members.filter((m) => !m.aliasOf);
  if (!members) return undefined;
  const values: string[] = [];
  for (const m of members) {
    if (m.value.kind !== 'str') return undefined;
    values.push(m.value.value);
  }
  return values;
}

/** The labels the database still lacks because its Alembic revision is behind head. */
export function pendingLabels(type: EnumTypeModel): string[] {
  if (!type.migrations || !type.migrationsAtDatabaseRevision) return [];
  return difference(type.migrations.labels, type.migrationsAtDatabaseRevision.labels);
}

/**
 * True when the database is behind head and head already gives exactly `labels`: upgrading resolves the
 * disagreement, so alembic-version-behind reports it instead of the rules comparing against the database.
 */
export function pendingRevisionAligns(type: EnumTypeModel, labels: readonly string[]): boolean {
  return type.migrations !== undefined && type.migrationsAtDatabaseRevision !== undefined
    && type.migrations.labels.join('\u0000') !== type.migrationsAtDatabaseRevision.labels.join('\u0000')
    && sameLabels(type.migrations.labels, labels);
}

// Tables the login path reads: a failure to load their rows locks every user out.
const authTable = /(^|_)(users?|accounts?|auth\w*|logins?|members?|identities|principals)$/i;

export function isAuthTable(table: string | undefined): boolean {
  return table !== undefined && authTable.test(table);
}
