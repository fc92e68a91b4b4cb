// What SQLAlchemy 2.0 writes and expects to read for an Enum type (its `Column.type.enums`), computed from the
// enum class and the Enum(...) keywords exactly as SQLAlchemy does it (see shared enum-facts).
import type { PersistedLabels } from './analysis';
import type { PyEnumClass, PyEnumMember, ValuesCallable } from './types';

export interface LabelSource {
  enumClass?: PyEnumClass;
  literals?: string[];
  valuesCallable?: ValuesCallable;
  omitAliases: boolean;
}

export function persistedLabels(source: LabelSource): PersistedLabels {
  if (source.literals) return { ok: true, labels: source.literals };
  const cls = source.enumClass;
  if (!cls) return { ok: false, error: 'the enum class is not in the workspace', unresolved: true };
  // SQLAlchemy drops alias names when omit_aliases (the 2.0 default); iterating the class (what
  // values_callable receives) never yields aliases.
  const canonical = cls.members.filter((m) => !m.aliasOf);
  const named = source.omitAliases ? canonical : cls.members;
  if (!source.valuesCallable) return { ok: true, labels: named.map((m) => m.name) };
  switch (source.valuesCallable.shape) {
    case 'member-values':
      return memberValues(cls, canonical);
    case 'member-names':
      return { ok: true, labels: canonical.map((m) => m.name) };
    case 'lower-names':
      return { ok: true, labels: canonical.map((m) => m.name.toLowerCase()) };
    case 'member-str':
      return memberStr(cls, canonical);
    case 'not-a-list':
      return { ok: false, error: `AttributeError: ${notAListAttribute(source.valuesCallable.text)}` };
    case 'unknown':
      return { ok: false, error: 'values_callable cannot be evaluated statically', unresolved: true };
  }
}

function memberValues(cls: PyEnumClass, members: PyEnumMember[]): PersistedLabels {
  const labels: string[] = [];
  for (const member of members) {
    if (member.value.kind === 'str') labels.push(member.value.value);
    else if (member.value.kind === 'int') return { ok: false, error: "TypeError: object of type 'int' has no len()" };
    else return { ok: false, error: `the value of ${cls.name}.${member.name} cannot be known statically`, unresolved: true };
  }
  return { ok: true, labels };
}

/** str(member): StrEnum and IntEnum (3.11+) give the value; other enums give "Class.MEMBER". */
function memberStr(cls: PyEnumClass, members: PyEnumMember[]): PersistedLabels {
  if (cls.flavor === 'strenum' || (cls.flavor === 'int-mixin' && cls.bases.some((b) => /(^|\.)IntEnum$/.test(b)))) {
    const labels: string[] = [];
    for (const member of members) {
      if (member.value.kind === 'str') labels.push(member.value.value);
      else if (member.value.kind === 'int') labels.push(String(member.value.value));
      else return { ok: false, error: `the value of ${cls.name}.${member.name} cannot be known statically`, unresolved: true };
    }
    return { ok: true, labels };
  }
  return { ok: true, labels: members.map((m) => `${cls.name}.${m.name}`) };
}

/** `lambda x: x.value` looks `value` up on the enum class, which has no such attribute. */
function notAListAttribute(text: string): string {
  const match = /:\s*\w+\.(\w+)\s*$/.exec(text);
  return match ? match[1] : 'values_callable must return a list of strings';
}

/** The PostgreSQL type name SQLAlchemy uses: name= if given, else the class name lower-cased. */
export function ormTypeName(explicitName: string | undefined, enumClass: PyEnumClass | undefined, localName?: string): string | undefined {
  if (explicitName) return explicitName;
  if (enumClass) return enumClass.name.toLowerCase();
  return localName ? localName.split('.').pop()!.toLowerCase() : undefined;
}
