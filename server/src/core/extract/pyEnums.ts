// Python enum classes of one file: flavor (Enum, str mixin, StrEnum, IntEnum, Flag), members with their values
// after auto() resolution, and alias members, following the rules of Python's enum module.
import type { Node } from 'web-tree-sitter';
import { locationOf, type PythonParse } from '../parse/python';
import type { PyEnumClass, PyEnumFlavor, PyEnumMember, PyImport, PyValue } from '../model/types';
import { ImportScope } from './pyImports';
import { assignmentOf, dottedName, identifierPattern, intValue, moduleStatements, stringListValue, stringValue, unparenthesize } from './pySyntax';

type EnumBaseKind = 'Enum' | 'StrEnum' | 'IntEnum' | 'Flag' | 'IntFlag';
const enumBaseKinds = new Set<string>(['Enum', 'StrEnum', 'IntEnum', 'Flag', 'IntFlag']);

/** The enum-ish classes defined at module level in this file (also inside if/try blocks). */
export function extractPyEnums(file: string, module: string, parse: PythonParse, imports: PyImport[]): PyEnumClass[] {
  const scope = new ImportScope(imports);
  const enums: PyEnumClass[] = [];
  // Member-less enum classes of this file may be subclassed; their flavor carries over.
  const memberlessFlavors = new Map<string, PyEnumFlavor>();
  const mayNameEnumBase = enumBaseText(imports);
  for (const { node: statement, type } of moduleStatements(parse.tree.rootNode)) {
    let definition: Node | null = type === 'class_definition' ? statement : null;
    if (type === 'decorated_definition') {
      definition = statement.childForFieldName('definition');
      if (definition?.type !== 'class_definition') continue;
    }
    if (!definition) continue;
    const superclasses = definition.childForFieldName('superclasses');
    // Most classes (models, plain classes) name no enum base: tell from their source before reading their nodes.
    if (!superclasses || !mayHaveEnumBase(parse.text.slice(superclasses.startIndex, superclasses.endIndex), mayNameEnumBase, memberlessFlavors)) continue;
    const found = readEnumClass(file, module, definition, superclasses, scope, memberlessFlavors);
    if (!found) continue;
    enums.push(found);
    if (found.members.length === 0) memberlessFlavors.set(found.name, found.flavor);
  }
  return enums;
}

/**
 * Matches base-class source that may name an enum base: Enum, StrEnum, IntEnum, Flag, IntFlag (however
 * qualified), or a name imported from the enum module under another name (`from enum import Enum as E`).
 */
function enumBaseText(imports: PyImport[]): RegExp {
  const aliases = identifierPattern(imports.filter((i) => i.localName !== '*' && (i.module === 'enum' || i.module.startsWith('enum.'))).map((i) => i.localName));
  return new RegExp(`Enum|Flag${aliases ? `|${aliases.source}` : ''}`, 'u');
}

/** False only when no base can make the class an enum (see flavorOf): no enum base, no member-less enum of this file. */
function mayHaveEnumBase(basesText: string, mayNameEnumBase: RegExp, memberlessFlavors: Map<string, PyEnumFlavor>): boolean {
  if (mayNameEnumBase.test(basesText)) return true;
  for (const name of memberlessFlavors.keys()) if (basesText.includes(name)) return true;
  return false;
}

function readEnumClass(
  file: string, module: string, definition: Node, superclasses: Node, scope: ImportScope, memberlessFlavors: Map<string, PyEnumFlavor>,
): PyEnumClass | undefined {
  const nameNode = definition.childForFieldName('name');
  if (!nameNode) return undefined;
  const bases: Node[] = superclasses.namedChildren.filter((b) => b.type !== 'keyword_argument' && b.type !== 'comment');
  const flavor = flavorOf(bases, scope, memberlessFlavors);
  if (!flavor) return undefined;
  const body = definition.childForFieldName('body');
  return {
    name: nameNode.text,
    module,
    location: locationOf(file, nameNode),
    flavor,
    members: body ? readMembers(file, body, flavor, scope) : [],
    bases: bases.map((b) => b.text),
  };
}

/** The flavor when a base is an enum class (any import spelling), else undefined (not an enum). */
function flavorOf(bases: Node[], scope: ImportScope, memberlessFlavors: Map<string, PyEnumFlavor>): PyEnumFlavor | undefined {
  let enumKind: EnumBaseKind | undefined;
  let inherited: PyEnumFlavor | undefined;
  let mixin: 'str' | 'int' | undefined;
  for (const base of bases) {
    const dotted = dottedName(base);
    if (!dotted) continue;
    const kind = enumBaseKindOf(dotted, scope);
    if (kind) enumKind ??= kind;
    else if (memberlessFlavors.has(dotted) && scope.isUnbound(dotted)) inherited ??= memberlessFlavors.get(dotted);
    else if ((dotted === 'str' || dotted === 'int') && scope.isUnbound(dotted)) mixin ??= dotted;
  }
  if (enumKind === 'StrEnum') return 'strenum';
  if (enumKind === 'Flag' || enumKind === 'IntFlag') return 'flag';
  if (enumKind === 'IntEnum') return 'int-mixin';
  if (enumKind === 'Enum' || inherited) {
    if (mixin === 'str') return 'str-mixin';
    if (mixin === 'int') return 'int-mixin';
    return inherited ?? 'enum';
  }
  return undefined;
}

/** "Enum" when `dotted` names enum.Enum (enum.Enum, E from `from enum import Enum as E`, e.Enum), etc. */
function enumBaseKindOf(dotted: string, scope: ImportScope): EnumBaseKind | undefined {
  const resolved = scope.resolve(dotted);
  if (resolved !== undefined) {
    const match = /^enum\.(\w+)$/.exec(resolved);
    return match && enumBaseKinds.has(match[1]) ? (match[1] as EnumBaseKind) : undefined;
  }
  // Not imported by name: `from enum import *` (or a file whose imports are not typed yet) supplies it.
  if (enumBaseKinds.has(dotted) && (scope.wildcardModules.includes('enum') || scope.wildcardModules.length === 0)) {
    return dotted as EnumBaseKind;
  }
  return undefined;
}

function readMembers(file: string, body: Node, flavor: PyEnumFlavor, scope: ImportScope): PyEnumMember[] {
  const members: PyEnumMember[] = [];
  const ignored = new Set<string>();
  const seenValues: PyValue[] = [];
  for (const statement of body.namedChildren) {
    const assignment = assignmentOf(statement);
    if (!assignment) continue;
    const targets = assignmentTargets(assignment);
    const valueNode = targets.value;
    if (!valueNode) continue; // `x: int` declares no member
    for (const target of targets.names) {
      const name = target.text;
      if (name === '_ignore_') {
        for (const ignoredName of ignoreList(valueNode)) ignored.add(ignoredName);
        continue;
      }
      if (isReservedName(name) || ignored.has(name) || isDescriptor(valueNode, scope)) continue;
      const written = memberValueOf(valueNode, scope);
      const value = written.kind === 'auto' ? resolveAuto(flavor, name, seenValues) : coerceToMixin(flavor, written);
      const member: PyEnumMember = { name, value, location: locationOf(file, target), valueLocation: locationOf(file, valueNode) };
      const earlier = members.find((m) => sameValue(m.value, value));
      if (earlier) member.aliasOf = earlier.aliasOf ?? earlier.name;
      members.push(member);
      seenValues.push(value);
    }
  }
  return members;
}

/** `A = 1` and chained `A = B = 1` (names in assignment order) with the value node. */
function assignmentTargets(assignment: Node): { names: Node[]; value?: Node } {
  const names: Node[] = [];
  let current: Node | undefined = assignment;
  while (current?.type === 'assignment') {
    const left = current.childForFieldName('left');
    if (left?.type === 'identifier') names.push(left);
    else return { names: [] }; // tuple targets, attributes: not enum members we can read
    const right: Node | null = current.childForFieldName('right');
    if (right?.type !== 'assignment') return { names, value: right ?? undefined };
    current = right;
  }
  return { names };
}

/** Dunder, sunder and private (name-mangled) names are never members. */
function isReservedName(name: string): boolean {
  if (name.startsWith('__')) return true;
  return name.length > 2 && name.startsWith('_') && name.endsWith('_');
}

/** Functions, lambdas and enum.nonmember(...) assigned in the body are not members. */
function isDescriptor(value: Node, scope: ImportScope): boolean {
  const inner = unparenthesize(value);
  if (inner?.type === 'lambda') return true;
  if (inner?.type === 'call') {
    const callee = calleeName(inner, scope);
    return callee === 'enum.nonmember' || callee === 'property' || callee === 'staticmethod' || callee === 'classmethod';
  }
  return false;
}

/** `_ignore_ = ["a", "b"]` or `_ignore_ = "a b"`. */
function ignoreList(value: Node): string[] {
  const list = stringListValue(value);
  if (list) return list;
  const text = stringValue(value);
  return text === undefined ? [] : text.split(/[\s,]+/).filter((s) => s !== '');
}

function memberValueOf(valueNode: Node, scope: ImportScope): PyValue {
  const inner = unparenthesize(valueNode);
  if (!inner) return { kind: 'other', text: valueNode.text };
  if (inner.type === 'call') {
    const callee = calleeName(inner, scope);
    if (callee === 'enum.auto') return { kind: 'auto' };
    // enum.member(x) makes x a member explicitly.
    if (callee === 'enum.member') {
      const argument = inner.childForFieldName('arguments')?.namedChild(0);
      if (argument) return memberValueOf(argument, scope);
    }
  }
  const text = stringValue(inner);
  if (text !== undefined) return { kind: 'str', value: text };
  const int = intValue(inner);
  if (int !== undefined) return { kind: 'int', value: int };
  return { kind: 'other', text: inner.text };
}

/** "enum.auto" for auto / enum.auto / e.auto; unimported bare names resolve to themselves ("auto" -> "enum.auto"). */
function calleeName(call: Node, scope: ImportScope): string | undefined {
  const dotted = dottedName(call.childForFieldName('function'));
  if (!dotted) return undefined;
  const resolved = scope.resolve(dotted);
  if (resolved !== undefined) return resolved;
  if ((dotted === 'auto' || dotted === 'member' || dotted === 'nonmember') && scope.isUnbound(dotted)) return `enum.${dotted}`;
  return dotted;
}

/**
 * auto() per flavor: StrEnum -> the lower-cased name; Enum/IntEnum -> last int + 1 (from 1); Flag -> the next
 * power of two. Left unresolved where Python versions disagree: (str, Enum), or earlier values that are not
 * ascending ints (3.12 takes the last int, 3.13 the maximum).
 */
function resolveAuto(flavor: PyEnumFlavor, name: string, seen: PyValue[]): PyValue {
  if (flavor === 'strenum') return { kind: 'str', value: name.toLowerCase() };
  if (flavor === 'str-mixin') return { kind: 'auto' };
  if (seen.length === 0) return { kind: 'int', value: 1 };
  const ints = seen.map((v) => (v.kind === 'int' ? v.value : undefined));
  if (ints.some((v) => v === undefined)) return { kind: 'auto' };
  const values = ints as number[];
  const max = Math.max(...values);
  if (flavor === 'flag') {
    if (max < 1) return { kind: 'int', value: 1 };
    return { kind: 'int', value: 2 ** Math.floor(Math.log2(max) + 1) };
  }
  if (values[values.length - 1] !== max) return { kind: 'auto' };
  return { kind: 'int', value: max + 1 };
}

/**
 * Python 3.11+ builds a mixin member's value with the mixin type: (str, Enum) `X = 1` has value '1' (an alias of
 * an earlier `"1"`), IntEnum `X = "5"` has value 5. Python 3.10 kept the literal; 3.11+ is what we model.
 */
function coerceToMixin(flavor: PyEnumFlavor, value: PyValue): PyValue {
  if (flavor === 'str-mixin' && value.kind === 'int') return { kind: 'str', value: String(value.value) };
  if (flavor === 'int-mixin' && value.kind === 'str' && /^\s*[-+]?\d+\s*$/.test(value.value)) {
    return { kind: 'int', value: parseInt(value.value.trim(), 10) };
  }
  return value;
}

/** Same Python value: str with str, int with int ("1" and 1 differ). */
function sameValue(a: PyValue, b: PyValue): boolean {
  if (a.kind === 'str' && b.kind === 'str') return a.value === b.value;
  if (a.kind === 'int' && b.kind === 'int') return a.value === b.value;
  return false;
}
