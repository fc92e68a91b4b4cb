/**
 * bad-values-callable: a values_callable that fails at import or persists something other than member values.
 * Why: values_callable receives the enum class and must return a list of strings in member order;
 * `lambda x: x.value` raises AttributeError at import, non-string values raise TypeError, and str(e) on a
 * (str, Enum) class gives "Class.MEMBER".
 * Do instead: values_callable=lambda x: [e.value for e in x].
 */
import { canonicalValuesCallable, valuesCallableEdit } from '../fixes/valuesCallableFix';
import type { OrmUse } from '../model/analysis';
import type { Rule, RuleFinding } from './rule';
import { isIgnored, memberValues, quoted, sameLabels } from './truths';

export const badValuesCallable: Rule = {
  id: 'bad-values-callable',
  severity: 'error',
  summary: 'values_callable fails at import or persists something other than the member values',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const use of ctx.type.orm) {
      const vc = use.binding.valuesCallable;
      if (!vc || isIgnored(use.binding, 'bad-values-callable')) continue;
      const problem = describeProblem(use);
      if (!problem) continue;
      const edit = valuesCallableEdit(use);
      findings.push({
        message: `${use.binding.attribute}: values_callable=${vc.text.replace(/^values_callable\s*=\s*/, '')} ${problem} Use ${canonicalValuesCallable}.`,
        location: vc.location,
        enumType: ctx.type.key,
        related: use.enumClass ? [{ location: use.enumClass.location, message: `enum class ${use.enumClass.name}` }] : [],
        fixes: edit ? [{ title: `Replace with ${canonicalValuesCallable}`, edits: [edit], isPreferred: true }] : [],
      });
    }
    return findings;
  },
};

function describeProblem(use: OrmUse): string | undefined {
  const { persisted } = use;
  if (!persisted.ok) {
    if (persisted.unresolved) return undefined;
    return `raises ${persisted.error} when the model is imported: the application does not start.`;
  }
  const shape = use.binding.valuesCallable?.shape;
  const values = memberValues(use);
  if (shape === 'member-str' && values && !sameLabels(values, persisted.labels)) {
    return `persists ${quoted(persisted.labels)}, not the member values ${quoted(values)} (str() of a (str, Enum) member is "Class.MEMBER").`;
  }
  return undefined;
}
