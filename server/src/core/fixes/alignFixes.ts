// The ways to make what the ORM persists equal a type's labels, best first: persist member values
// (values_callable), change member values, or rename/add the labels in a new migration.
import type { EnumTypeModel, OrmUse } from '../model/analysis';
import type { EnumModel } from '../model/buildModel';
import type { Fix } from '../model/types';
import { difference, quoted, memberValues } from '../rules/truths';
import { alembicRevisionFix, sqlLiteral, sqlTypeName } from './alembicRevision';
import { memberValueEdits } from './memberValueFix';
import { canonicalValuesCallable, valuesCallableEdit } from './valuesCallableFix';

export function alignmentFixes(model: EnumModel, type: EnumTypeModel, use: OrmUse, labels: string[]): Fix[] {
  const fixes: Fix[] = [];
  const persisted = use.persisted.ok ? use.persisted.labels : [];
  const values = memberValues(use);
  const persistsValues = use.binding.valuesCallable?.shape === 'member-values';

  if (values && !persistsValues) {
    const edit = valuesCallableEdit(use);
    if (edit && difference(values, labels).length === 0 && difference(labels, values).length === 0) {
      fixes.push({ title: `Add ${canonicalValuesCallable} (persist ${quoted(values)})`, edits: [edit], isPreferred: true });
    }
  }

  // Member values that differ from labels one-for-one: change those values (with values_callable if missing).
  if (values && use.enumClass) {
    const renames = pairUnmatched(values, labels);
    if (renames && renames.size > 0) {
      const members = use.enumClass.members.filter((m) => !m.aliasOf);
      const byMember = new Map<string, string>();
      for (const [value, label] of renames) {
        const member = members.find((m) => m.value.kind === 'str' && m.value.value === value);
        if (member) byMember.set(member.name, label);
      }
      const memberEdits = memberValueEdits(use.enumClass, byMember);
      const callableEdit = persistsValues ? undefined : valuesCallableEdit(use);
      if (memberEdits && (persistsValues || callableEdit)) {
        const changes = [...byMember].map(([m, l]) => `${use.enumClass!.name}.${m} = '${l}'`).join(', ');
        fixes.push({
          title: persistsValues ? `Set ${changes}` : `Add values_callable and set ${changes}`,
          edits: [...(callableEdit ? [callableEdit] : []), ...memberEdits],
          isPreferred: fixes.length === 0,
        });
      }
    }
  }

  // Rename (and add) database labels so they equal what the ORM persists, in a new Alembic revision.
  const renames = pairUnmatched(labels, persisted);
  const additions = difference(persisted, labels).filter((l) => ![...(renames?.values() ?? [])].includes(l));
  if (use.persisted.ok && (renames?.size || additions.length)) {
    const typeSql = sqlTypeName(type.type.schema, type.type.name);
    const upgrade = [...(renames ?? [])].map(([from, to]) => `ALTER TYPE ${typeSql} RENAME VALUE ${sqlLiteral(from)} TO ${sqlLiteral(to)}`);
    const downgrade = [...(renames ?? [])].map(([from, to]) => `ALTER TYPE ${typeSql} RENAME VALUE ${sqlLiteral(to)} TO ${sqlLiteral(from)}`);
    upgrade.push(...additions.map((l) => `ALTER TYPE ${typeSql} ADD VALUE IF NOT EXISTS ${sqlLiteral(l)}`));
    const fix = alembicRevisionFix(model, {
      title: `Generate an Alembic revision so ${type.key} holds ${quoted(persisted)}`,
      slug: `enumguard sync ${type.type.name}`,
      upgrade,
      downgrade,
    });
    if (fix) fixes.push(fix);
  }
  return fixes;
}

/**
 * Pairs the labels only in `from` with those only in `to`, in order, when there are as many of each:
 * ['admin','user'] vs ['ADMIN','USER'] -> admin->ADMIN, user->USER. Undefined when they do not pair up.
 */
export function pairUnmatched(from: string[], to: string[]): Map<string, string> | undefined {
  const onlyFrom = difference(from, to);
  const onlyTo = difference(to, from);
  if (onlyFrom.length !== onlyTo.length) return undefined;
  return new Map(onlyFrom.map((label, i) => [label, onlyTo[i]]));
}
