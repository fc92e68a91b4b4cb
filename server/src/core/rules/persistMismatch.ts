/**
 * persist-mismatch: the ORM writes and reads labels the enum type does not hold (or, for a VARCHAR-backed
 * enum, labels too long for the column or outside its CHECK).
 * Why: SQLAlchemy's Enum(PyEnum) persists member names unless values_callable is given.
 * Do instead: persist values (values_callable), align member values, or rename the labels in a migration.
 */
import { alignmentFixes } from '../fixes/alignFixes';
import type { OrmUse } from '../model/analysis';
import type { Rule, RuleContext, RuleFinding } from './rule';
import {
  describeBinding, difference, isIgnored, memberValues, pendingRevisionAligns, quoted, sameLabels, targetLabels,
} from './truths';

export const persistMismatch: Rule = {
  id: 'persist-mismatch',
  severity: 'error',
  summary: 'The ORM persists enum labels the PostgreSQL type (or VARCHAR column) does not hold',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const use of ctx.type.orm) {
      if (isIgnored(use.binding, 'persist-mismatch') || !use.persisted.ok) continue;
      const finding = use.binding.nativeEnum ? checkNative(ctx, use) : checkVarchar(ctx, use);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

function checkNative(ctx: RuleContext, use: OrmUse): RuleFinding | undefined {
  const { type } = ctx;
  const target = targetLabels(type);
  if (!target || !use.persisted.ok) return undefined;
  const persisted = use.persisted.labels;
  const ormOnly = difference(persisted, target.labels);
  const targetOnly = difference(target.labels, persisted);
  if (ormOnly.length === 0 && targetOnly.length === 0) return undefined;
  // The database being behind head explains labels that a pending revision creates: alembic-version-behind says so.
  if (target.truth === 'database' && pendingRevisionAligns(type, persisted)) return undefined;
  const attr = use.binding.attribute;
  const effects = [
    ormOnly.length > 0 ? `writes fail (invalid input value for enum ${type.key}: "${ormOnly[0]}")` : '',
    targetOnly.length > 0 ? `rows holding ${quoted(targetOnly)} raise LookupError on load` : '',
  ].filter(Boolean);
  const parts = [
    `${attr}: ${describeBinding(use)} persists ${quoted(persisted)} but type ${type.key} holds ${quoted(target.labels)} (${target.truth}): ${effects.join(' and ')}.`,
    advice(use, target.labels),
  ];
  const related = [];
  if (target.location) related.push({ location: target.location, message: `migrations create ${type.key} with ${quoted(type.migrations?.labels ?? target.labels)}` });
  if (use.enumClass) related.push({ location: use.enumClass.location, message: `enum class ${use.enumClass.name}` });
  return {
    message: parts.join(' '),
    location: use.binding.location,
    enumType: type.key,
    related,
    fixes: alignmentFixes(ctx.model, type, use, target.labels),
  };
}

/** What would make the two agree, in words; mirrors the order of the quick fixes. */
export function advice(use: OrmUse, labels: string[]): string {
  const values = memberValues(use);
  const persistsValues = use.binding.valuesCallable?.shape === 'member-values';
  if (values && !persistsValues && sameLabels(values, labels)) {
    return 'Fix: values_callable=lambda x: [e.value for e in x], or rename the labels in a migration.';
  }
  if (values) {
    const valueOnly = difference(values, labels);
    const labelOnly = difference(labels, values);
    if (valueOnly.length > 0 || labelOnly.length > 0) {
      const cls = use.enumClass!;
      const examples = valueOnly.slice(0, 3).map((v) => {
        const member = cls.members.find((m) => m.value.kind === 'str' && m.value.value === v);
        return `${cls.name}.${member?.name ?? '?'} = '${v}'`;
      });
      const lead = persistsValues ? 'The member values do not match the labels' : 'values_callable alone would not fix it';
      return `${lead}: ${examples.join(', ')}${examples.length ? ' vs ' : ''}label ${quoted(labelOnly)}. Fix: align the member values with the labels, or rename the labels in a migration.`;
    }
  }
  return 'Fix: rename the labels in a migration (ALTER TYPE ... RENAME VALUE, PostgreSQL 10+), or change what the ORM persists.';
}

function checkVarchar(ctx: RuleContext, use: OrmUse): RuleFinding | undefined {
  if (!use.persisted.ok || !ctx.database || !use.binding.table) return undefined;
  const schema = use.binding.schema ?? 'public';
  const columnName = use.binding.column ?? use.binding.attribute.split('.').pop();
  const column = columnName ? ctx.columns.databaseColumn(schema, use.binding.table, columnName) : undefined;
  if (!column) return undefined;
  const persisted = use.persisted.labels;
  const problems: string[] = [];
  if (column.maxLength !== undefined) {
    const tooLong = persisted.filter((l) => l.length > column.maxLength!);
    if (tooLong.length > 0) problems.push(`${quoted(tooLong)} ${tooLong.length > 1 ? 'are' : 'is'} longer than ${column.table}.${column.column} allows (VARCHAR(${column.maxLength}))`);
  }
  if (column.checkLabels) {
    const outside = difference(persisted, column.checkLabels);
    if (outside.length > 0) problems.push(`${quoted(outside)} ${outside.length > 1 ? 'are' : 'is'} outside the CHECK constraint's ${quoted(column.checkLabels)}`);
  }
  if (problems.length === 0) return undefined;
  return {
    message: `${use.binding.attribute}: ${describeBinding(use)} (native_enum=False) persists ${quoted(persisted)}, but ${problems.join('; ')}. Writing such a row fails. Fix: widen the column or align the CHECK in a migration, or change what the ORM persists.`,
    location: use.binding.location,
    enumType: ctx.type.key,
    related: [],
    fixes: [],
  };
}
