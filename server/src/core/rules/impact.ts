// How much a set of findings hurts, so every surface (CLI report, enum map) lists the worst enum types first:
// errors before warnings, and rows that cannot be loaded before labels that cannot be written, and so on.
import type { Finding, RuleId } from '../model/types';

const impactOrder: readonly RuleId[] = [
  'unloadable-rows', 'persist-mismatch', 'bad-values-callable', 'missing-type', 'migration-drift', 'type-name-mismatch', 'alembic-version-behind',
];

/** Sort key of a type's findings: [severity tier, worst rule]; smaller is worse. Clean types sort last. */
export function impactKey(findings: readonly Pick<Finding, 'rule' | 'severity'>[]): [number, number] {
  if (findings.length === 0) return [2, impactOrder.length];
  const tier = findings.some((f) => f.severity === 'error') ? 0 : 1;
  return [tier, Math.min(...findings.map((f) => impactOrder.indexOf(f.rule)))];
}

export function compareImpact(a: readonly Pick<Finding, 'rule' | 'severity'>[], b: readonly Pick<Finding, 'rule' | 'severity'>[]): number {
  const [x, y] = [impactKey(a), impactKey(b)];
  return x[0] - y[0] || x[1] - y[1];
}
