/**
 * alembic-version-behind: the database is not at the Alembic head, and the model needs labels that only a
 * pending revision creates.
 * Why: writing those labels fails until the database is upgraded.
 * Do instead: run `alembic upgrade head` before (or as part of) deploying this model.
 */
import type { Rule, RuleFinding } from './rule';
import { difference, isIgnored, pendingLabels, quoted } from './truths';

export const alembicVersionBehind: Rule = {
  id: 'alembic-version-behind',
  severity: 'warning',
  summary: 'The database is behind the Alembic head and the model needs what head creates',
  check(ctx) {
    const { type, database, model } = ctx;
    const pending = pendingLabels(type);
    if (!database?.alembicVersions || pending.length === 0) return [];
    const findings: RuleFinding[] = [];
    for (const use of type.orm) {
      if (!use.persisted.ok || isIgnored(use.binding, 'alembic-version-behind')) continue;
      const needed = use.persisted.labels.filter((l) => pending.includes(l));
      if (needed.length === 0) continue;
      const dbLacks = type.database ? difference(needed, type.database.labels) : needed;
      if (dbLacks.length === 0) continue;
      findings.push({
        message: `The database is at revision ${database.alembicVersions.join(', ')} but the head is ${model.alembic.heads.join(', ')}: a pending revision gives ${type.key} ${quoted(dbLacks)}, which ${use.binding.attribute} persists. Writing ${quoted(dbLacks)} fails until you run \`alembic upgrade head\`.`,
        location: use.binding.location,
        enumType: type.key,
        related: type.migrations?.lastChangedAt ? [{ location: type.migrations.lastChangedAt, message: `the pending revision changes ${type.key} here` }] : [],
        fixes: [],
      });
    }
    return findings;
  },
};
