// Compares the analyser's OrmUse predictions with what real SQLAlchemy reported for the same columns, and
// lists every disagreement as one readable line (the analyser is wrong wherever SQLAlchemy says otherwise).
import type { OrmUse } from '../../server/src/core/model/analysis';
import type { OracleColumn, OracleImportError, OracleResult } from './runOracle';

export interface OracleComparison {
  /** Bindings checked against an oracle answer. */
  compared: number;
  mismatches: string[];
  /** Things the oracle could not observe (missing third-party packages, bindings after an import failure). */
  notes: string[];
}

/** Errors that say the environment lacks a package (FastAPI in the examples), not that SQLAlchemy rejected a column. */
function isEnvironmentError(error: OracleImportError): boolean {
  return error.errorType === 'ModuleNotFoundError' && !/sqlalchemy/i.test(error.message);
}

/** Labels worth asking "does this load?": what the analyser predicts plus the member names, values and their case variants. */
export function labelCandidates(uses: OrmUse[]): string[] {
  const labels = new Set<string>();
  for (const use of uses) {
    if (use.persisted.ok) for (const label of use.persisted.labels) labels.add(label);
    if (use.binding.source.kind === 'literals') for (const label of use.binding.source.labels) labels.add(label);
    for (const member of use.enumClass?.members ?? []) {
      labels.add(member.name);
      labels.add(member.name.toLowerCase());
      labels.add(`${use.enumClass!.name}.${member.name}`);
      if (member.value.kind === 'str') {
        labels.add(member.value.value);
        labels.add(member.value.value.toUpperCase());
      }
    }
  }
  return [...labels].sort();
}

const show = (labels: readonly string[]): string => `[${labels.map((l) => JSON.stringify(l)).join(', ')}]`;
const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function compareColumn(use: OrmUse, column: OracleColumn, mismatches: string[]): void {
  const where = `${column.file} ${column.attribute}`;
  const binding = use.binding;
  if (!use.persisted.ok) {
    mismatches.push(`${where}: analyser says it fails at import (${use.persisted.error}) but SQLAlchemy persists ${show(column.enums)}`);
    return;
  }
  const persisted = use.persisted.labels;
  if (!sameList(persisted, column.enums)) {
    mismatches.push(`${where}: persisted labels: analyser ${show(persisted)}, SQLAlchemy ${show(column.enums)}`);
  }
  if (use.typeName.name !== column.typeName) {
    mismatches.push(`${where}: type name: analyser ${use.typeName.name}, SQLAlchemy ${column.typeName}`);
  }
  // SQLAlchemy leaves schema None when the type goes on the search_path; the analyser resolves that to public.
  const oracleSchema = column.typeSchema ?? 'public';
  if (use.typeName.schema !== oracleSchema) {
    mismatches.push(`${where}: type schema: analyser ${use.typeName.schema}, SQLAlchemy ${column.typeSchema ?? '(none: search_path)'}`);
  }
  if (binding.nativeEnum !== column.native) {
    mismatches.push(`${where}: native_enum: analyser ${binding.nativeEnum}, SQLAlchemy ${column.native}`);
  }
  if (!column.native) {
    // The VARCHAR length: length= when given, else the longest persisted label.
    const predicted = binding.length ?? Math.max(0, ...persisted.map((l) => l.length));
    if (predicted !== column.length) mismatches.push(`${where}: VARCHAR length: analyser ${predicted}, SQLAlchemy ${column.length}`);
  }
  if (binding.createConstraint !== column.createConstraint) {
    mismatches.push(`${where}: create_constraint: analyser ${binding.createConstraint}, SQLAlchemy ${column.createConstraint}`);
  }
  if (binding.createType !== column.createType) {
    mismatches.push(`${where}: create_type: analyser ${binding.createType}, SQLAlchemy ${column.createType}`);
  }
  if (binding.isArray !== column.isArray) {
    mismatches.push(`${where}: array column: analyser ${binding.isArray}, SQLAlchemy ${column.isArray}`);
  }
  if (binding.omitAliases !== column.omitAliases) {
    mismatches.push(`${where}: omit_aliases: analyser ${binding.omitAliases}, SQLAlchemy ${column.omitAliases}`);
  }
  // "Do rows load": the analyser's view is that a stored label loads iff it is a persisted label.
  const wrong = Object.entries(column.loads ?? {}).filter(([label, loads]) => persisted.includes(label) !== loads);
  if (wrong.length > 0) {
    mismatches.push(`${where}: rows load: analyser wrong for ${wrong.map(([label, loads]) =>
      `${JSON.stringify(label)} (SQLAlchemy: ${loads ? 'loads' : 'LookupError'})`).join(', ')}`);
  }
}

export function compareWithOracle(uses: OrmUse[], oracle: OracleResult): OracleComparison {
  const mismatches: string[] = [];
  const notes: string[] = [];
  let compared = 0;

  // A failing import is charged to the innermost frame in the imported tree: the file and line that raised.
  const failures = new Map<string, { line: number; error: OracleImportError }>();
  for (const error of oracle.importErrors) {
    if (isEnvironmentError(error)) {
      notes.push(`not observed: ${error.module} needs a package this machine lacks (${error.message})`);
      continue;
    }
    const [file, line] = (error.where ?? `${error.file}:0`).split(/:(?=\d+$)/);
    if (file && !failures.has(file)) failures.set(file, { line: Number(line), error });
  }

  const oracleByKey = new Map(oracle.columns.map((c) => [`${c.file}::${c.attribute}`, c]));
  const seen = new Set<string>();
  for (const use of uses) {
    const file = use.binding.location.file;
    const key = `${file}::${use.binding.attribute}`;
    const failure = failures.get(file);
    if (failure) {
      const { range } = use.binding.location;
      const raisedHere = failure.line - 1 >= range.line && failure.line - 1 <= range.endLine;
      if (raisedHere) {
        compared += 1;
        const { errorType, message } = failure.error;
        if (use.persisted.ok) {
          mismatches.push(`${key}: SQLAlchemy fails at import (${errorType}: ${message}) but the analyser persists ${show(use.persisted.labels)}`);
        } else if (!use.persisted.error.includes(errorType)) {
          mismatches.push(`${key}: both fail at import, but the analyser's error "${use.persisted.error}" does not name ${errorType}`);
        }
        continue;
      }
      if (!oracleByKey.has(key)) {
        notes.push(`not observed: ${key} (its module stopped at line ${failure.line} with ${failure.error.errorType})`);
        continue;
      }
    }
    const column = oracleByKey.get(key);
    if (!column) {
      if (!use.persisted.ok) {
        mismatches.push(`${key}: analyser says it fails at import (${use.persisted.error}) but SQLAlchemy imported the module without error and has no such column`);
      } else {
        mismatches.push(`${key}: analyser reports an Enum column SQLAlchemy does not have`);
      }
      continue;
    }
    seen.add(key);
    compared += 1;
    compareColumn(use, column, mismatches);
  }
  for (const [key, column] of oracleByKey) {
    if (!seen.has(key)) mismatches.push(`${key}: SQLAlchemy has an Enum column (type ${column.typeName}, ${show(column.enums)}) the analyser missed`);
  }
  for (const [file, failure] of failures) {
    const charged = uses.some((u) => u.binding.location.file === file && !u.persisted.ok);
    if (!charged) mismatches.push(`${file}:${failure.line}: SQLAlchemy fails at import (${failure.error.errorType}: ${failure.error.message}); the analyser predicts no failure there`);
  }
  return { compared, mismatches, notes };
}
