// Edits that make an Enum(...) persist member values: add the canonical values_callable, or repair a broken one.
import type { OrmUse } from '../model/analysis';
import type { TextEdit } from '../model/types';

export const canonicalValuesCallable = 'values_callable=lambda x: [e.value for e in x]';

/** The edit, or undefined when the declaration has no Enum(...) call to put it in (a bare Mapped[X]). */
export function valuesCallableEdit(use: OrmUse): TextEdit | undefined {
  const b = use.binding;
  if (b.valuesCallable) {
    return { file: b.valuesCallable.location.file, range: b.valuesCallable.location.range, newText: canonicalValuesCallable };
  }
  if (!b.enumCallArgsEnd) return undefined;
  const { range } = b.enumCallArgsEnd;
  return { file: b.enumCallArgsEnd.file, range: { ...range, endLine: range.line, endColumn: range.column }, newText: `, ${canonicalValuesCallable}` };
}
