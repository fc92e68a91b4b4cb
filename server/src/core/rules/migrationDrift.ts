/**
 * migration-drift: the migrations, replayed to the revision the database says it is at, give other labels
 * (or another order) than the database holds.
 * Why: the database was changed by hand; a fresh environment built from the migrations differs from it.
 * Do instead: record the change in a migration (the database is the truth about what is deployed).
 */
import { alembicRevisionFix, sqlLiteral, sqlTypeName } from '../fixes/alembicRevision';
import type { Fix } from '../model/types';
import type { Rule, RuleContext } from './rule';
import { difference, quoted } from './truths';

export const migrationDrift: Rule = {
  id: 'migration-drift',
  severity: 'error',
  summary: 'Migrations replayed to the database revision give other labels or order than the database',
  check(ctx) {
    const { type, database } = ctx;
    if (!database?.alembicVersions || database.alembicVersions.length === 0 || !type.database) return [];
    const replayed = type.migrationsAtDatabaseRevision ?? (sameRevisions(database.alembicVersions, ctx.model.alembic.heads) ? type.migrations : undefined);
    if (!replayed) return [];
    const dbLabels = type.database.labels;
    if (replayed.labels.join('\u0000') === dbLabels.join('\u0000')) return [];
    // A newer revision already records the database's labels: only the upgrade is missing.
    if (type.migrations && type.migrations.labels.join('\u0000') === dbLabels.join('\u0000')) return [];
    if (type.orm.some((u) => u.binding.ignoredRules.includes('migration-drift'))) return [];
    const onlyDb = difference(dbLabels, replayed.labels);
    const onlyMigrations = difference(replayed.labels, dbLabels);
    const what = onlyDb.length || onlyMigrations.length
      ? [onlyDb.length ? `${quoted(onlyDb)} added outside the migrations` : '', onlyMigrations.length ? `${quoted(onlyMigrations)} missing from the database` : ''].filter(Boolean).join('; ')
      : 'same labels in another order';
    const location = replayed.lastChangedAt ?? replayed.createdAt;
    if (!location) return [];
    return [{
      message: `Migrations replayed to ${database.alembicVersions.join(', ')} give ${type.key} ${quoted(replayed.labels)}; the database holds ${quoted(dbLabels)} (${what}). A fresh environment built from the migrations will differ from this database.`,
      location,
      enumType: type.key,
      related: type.orm.map((u) => ({ location: u.binding.location, message: `${u.binding.attribute} uses ${type.key}` })),
      fixes: recordDatabaseLabels(ctx, replayed.labels, dbLabels),
    }];
  },
};

function sameRevisions(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** A revision adding the database-only labels in their database position (BEFORE the next known label). */
function recordDatabaseLabels(ctx: RuleContext, migrationLabels: string[], dbLabels: string[]): Fix[] {
  const missing = difference(dbLabels, migrationLabels);
  if (missing.length === 0) return [];
  const typeSql = sqlTypeName(ctx.type.type.schema, ctx.type.type.name);
  const upgrade = missing.map((label) => {
    const index = dbLabels.indexOf(label);
    const after = dbLabels.slice(0, index).reverse().find((l) => migrationLabels.includes(l) || missing.indexOf(l) < missing.indexOf(label));
    return `ALTER TYPE ${typeSql} ADD VALUE IF NOT EXISTS ${sqlLiteral(label)}${after ? ` AFTER ${sqlLiteral(after)}` : ''}`;
  });
  const fix = alembicRevisionFix(ctx.model, {
    title: `Generate an Alembic revision recording ${quoted(missing)} in ${ctx.type.key}`,
    slug: `enumguard record ${ctx.type.type.name}`,
    upgrade,
    downgrade: [],
  });
  return fix ? [fix] : [];
}
