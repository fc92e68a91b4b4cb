/**
 * unloadable-rows: the database holds rows whose label the ORM cannot map back to a member.
 * Why: loading such a row raises LookupError, so every query that touches it fails (HTTP 500 on the way up).
 * Do instead: make the ORM persist the stored labels, or migrate the stored labels to what the ORM reads.
 */
import { alignmentFixes } from '../fixes/alignFixes';
import type { Rule, RuleFinding } from './rule';
import { countsFor, describeBinding, isAuthTable, isIgnored, pendingRevisionAligns, quoted } from './truths';

export const unloadableRows: Rule = {
  id: 'unloadable-rows',
  severity: 'error',
  summary: 'Stored rows hold enum labels the ORM cannot load (LookupError)',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const use of ctx.type.orm) {
      if (!use.persisted.ok || isIgnored(use.binding, 'unloadable-rows')) continue;
      if (pendingRevisionAligns(ctx.type, use.persisted.labels)) continue;
      const counts = countsFor(ctx.type, use);
      if (!counts) continue;
      const readable = new Set(use.persisted.labels);
      // In the type's label order, so messages are stable and read like the database.
      const order = ctx.type.database?.labels ?? [];
      const rank = (label: string) => (order.includes(label) ? order.indexOf(label) : order.length);
      const bad = Object.entries(counts.counts)
        .filter(([label, n]) => n > 0 && !readable.has(label))
        .sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
      if (bad.length === 0) continue;
      const badRows = bad.reduce((sum, [, n]) => sum + n, 0);
      const approx = counts.exact ? '' : '≈';
      const where = `${counts.table}.${counts.column}`;
      const all = badRows >= counts.totalRows && counts.totalRows > 0;
      const impact = all
        ? `Every row in ${counts.table} (${approx}${counts.totalRows}) cannot be loaded`
        : `${approx}${badRows} of ${approx}${counts.totalRows} rows in ${counts.table} cannot be loaded`;
      const error = `LookupError: '${bad[0][0]}' is not among the defined enum values`;
      const auth = isAuthTable(counts.table) && all ? ', so every login fails' : '';
      findings.push({
        message: `${impact}${auth}: ${where} holds ${bad.map(([l, n]) => `'${l}' (${approx}${n})`).join(', ')}; ${use.binding.attribute} (${describeBinding(use)}) reads only ${quoted(use.persisted.labels)} (${error}).${counts.exact ? '' : ' Counts are estimated from a sample of a large table.'}`,
        location: use.binding.location,
        enumType: ctx.type.key,
        related: use.enumClass ? [{ location: use.enumClass.location, message: `enum class ${use.enumClass.name}` }] : [],
        fixes: ctx.type.database ? alignmentFixes(ctx.model, ctx.type, use, ctx.type.database.labels) : [],
      });
    }
    return findings;
  },
};
