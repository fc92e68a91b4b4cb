/**
 * missing-type: the native enum type the ORM names does not exist (and the column is not another enum type).
 * Why: every write casts to the type (asyncpg fails at once) and create_type=False / Alembic never creates it.
 * Do instead: create the type in a migration, or point name= at the existing type.
 */
import { alembicRevisionFix, sqlLiteral, sqlTypeName } from '../fixes/alembicRevision';
import type { Fix } from '../model/types';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { describeBinding, isIgnored, quoted } from './truths';

export const missingType: Rule = {
  id: 'missing-type',
  severity: 'error',
  summary: 'The enum type the ORM names does not exist in the database (or in the migrations)',
  check(ctx) {
    const { type } = ctx;
    if (type.database) return [];
    // Without a database, only migrations can say a type is missing, and only if the project uses them.
    if (!ctx.database && (type.migrations || ctx.model.alembic.revisions.length === 0)) return [];
    const where = ctx.database ? 'in the database' : 'in the migrations at head';
    const findings: RuleFinding[] = [];
    for (const use of type.orm) {
      const b = use.binding;
      if (!b.nativeEnum || isIgnored(b, 'missing-type')) continue;
      if (columnIsOtherEnum(ctx, b.schema ?? 'public', b.table, b.column ?? b.attribute.split('.').pop())) continue;
      // Without a database, a type the migrations never create may have been created outside the repository
      // (then the database is the truth): only a table the migrations create itself proves the type missing.
      if (!ctx.database && !(b.table && ctx.columns.migrationsCreateTable(qualifiedTable(b.table, b.schema)))) continue;
      const labels = use.persisted.ok ? use.persisted.labels : [];
      findings.push({
        message: `${b.attribute}: ${describeBinding(use)} needs type ${type.key}, which does not exist ${where}${b.createType ? '' : ' (create_type=False: SQLAlchemy never creates it)'}. asyncpg fails on every write (type "${type.type.name}" does not exist); psycopg2 hides it. Fix: create it in a migration${labels.length ? ` with ${quoted(labels)}` : ''}, or name the existing type.`,
        location: b.location,
        enumType: type.key,
        related: [],
        fixes: createTypeFix(ctx, labels),
      });
    }
    return findings;
  },
};

function qualifiedTable(table: string, schema: string | undefined): string {
  return schema && schema !== 'public' ? `${schema}.${table}` : table;
}

function columnIsOtherEnum(ctx: RuleContext, schema: string, table: string | undefined, column: string | undefined): boolean {
  if (!table || !column) return false;
  if (ctx.database) {
    return ctx.columns.databaseColumn(schema, table, column)?.enumType !== undefined;
  }
  return ctx.columns.migrationColumnType(table, column) !== undefined;
}

function createTypeFix(ctx: RuleContext, labels: string[]): Fix[] {
  if (labels.length === 0) return [];
  const typeSql = sqlTypeName(ctx.type.type.schema, ctx.type.type.name);
  const fix = alembicRevisionFix(ctx.model, {
    title: `Generate an Alembic revision creating ${ctx.type.key} with ${quoted(labels)}`,
    slug: `enumguard create ${ctx.type.type.name}`,
    upgrade: [`CREATE TYPE ${typeSql} AS ENUM (${labels.map(sqlLiteral).join(', ')})`],
    downgrade: [`DROP TYPE ${typeSql}`],
  });
  return fix ? [fix] : [];
}
