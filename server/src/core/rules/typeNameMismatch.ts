/**
 * type-name-mismatch: the column's enum type differs from the type the ORM names (name=, schema=).
 * Why: psycopg2 sends plain strings and hides it; asyncpg casts parameters ($1::name) and fails with
 * `type "name" does not exist`; create_all and autogenerate then disagree with the migrations.
 * Do instead: give Enum(...) the column's type name (name=..., schema=...).
 */
import type { OrmUse } from '../model/analysis';
import type { Fix } from '../model/types';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { displayTypeName } from '../model/buildModel';
import { describeBinding, isIgnored } from './truths';

export const typeNameMismatch: Rule = {
  id: 'type-name-mismatch',
  severity: 'warning',
  summary: 'The column is of another enum type than the one the ORM names',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const use of ctx.type.orm) {
      const b = use.binding;
      if (!b.nativeEnum || !b.table || isIgnored(b, 'type-name-mismatch')) continue;
      const columnName = b.column ?? b.attribute.split('.').pop()!;
      const actual = columnType(ctx, b.schema ?? 'public', b.table, columnName);
      if (!actual) continue;
      if (actual.schema === use.typeName.schema && actual.name === use.typeName.name) continue;
      const actualName = displayTypeName(actual.schema, actual.name);
      findings.push({
        message: `${b.attribute}: ${describeBinding(use)} names type ${ctx.type.key}, but column ${b.table}.${columnName} is of type ${actualName} (${actual.truth}). asyncpg casts parameters to ${ctx.type.key} and fails (type "${use.typeName.name}" does not exist${ctx.type.database ? ' there' : ''}); psycopg2 hides it. Fix: name="${actual.name}"${actual.schema !== 'public' ? `, schema="${actual.schema}"` : ''}.`,
        location: b.location,
        enumType: ctx.type.key,
        related: actual.location ? [{ location: actual.location, message: `the migration creates ${b.table}.${columnName} as ${actualName}` }] : [],
        fixes: renameFix(use, actual),
      });
    }
    return findings;
  },
};

/** Point name= (and schema=) at the column's type, when the declaration writes name= itself. */
function renameFix(use: OrmUse, actual: { schema: string; name: string }): Fix[] {
  const where = use.binding.explicitNameLocation;
  if (!where || actual.schema !== use.typeName.schema) return [];
  return [{ title: `Set name="${actual.name}"`, edits: [{ file: where.file, range: where.range, newText: `name=${JSON.stringify(actual.name)}` }], isPreferred: true }];
}

function columnType(ctx: RuleContext, schema: string, table: string, column: string) {
  if (ctx.database) {
    const dbColumn = ctx.columns.databaseColumn(schema, table, column);
    return dbColumn?.enumType ? { ...dbColumn.enumType, truth: 'database', location: undefined } : undefined;
  }
  const fromMigrations = ctx.columns.migrationColumnType(table, column);
  return fromMigrations ? { ...fromMigrations, truth: 'migrations' } : undefined;
}
