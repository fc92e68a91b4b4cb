// Reads one SQLAlchemy `Enum(...)` / `postgresql.ENUM(...)` call: where its labels come from (an enum class or
// string literals) and every keyword that changes the type name, schema or persisted labels.
import type { Node } from 'web-tree-sitter';
import { locationOf, type PythonParse } from '../parse/python';
import type { OrmEnumBinding, ParseProblem, SourceLocation, ValuesCallable } from '../model/types';
import type { ImportScope } from './pyImports';
import { boolValue, callArguments, dottedName, intValue, stringListValue, stringValue, unparenthesize } from './pySyntax';
import { classifyValuesCallable } from './valuesCallableShape';

/** Module-level names of the file, for following `name=TYPE_NAME`, `Enum(*ROLES)`, `values_callable=fn`. */
export interface ModuleNames {
  /** name -> the value of its last module-level assignment. */
  assignments: Map<string, Node>;
  /** name -> module-level `def` or `name = lambda`. */
  callables: Map<string, Node>;
}

export interface EnumCallFacts {
  via: 'Enum' | 'postgresql.ENUM';
  enumCall: SourceLocation;
  enumCallArgsEnd: SourceLocation;
  /** Undefined when the call names no class and no labels (`Enum(name="t")` holds no labels; Mapped[Cls] does not fill them in). */
  source?: OrmEnumBinding['source'];
  explicitName?: string;
  explicitNameLocation?: SourceLocation;
  schema?: string;
  inheritSchema: boolean;
  nativeEnum: boolean;
  createConstraint: boolean;
  length?: number;
  createType: boolean;
  omitAliases: boolean;
  valuesCallable?: ValuesCallable;
}

export interface EnumCallReader {
  file: string;
  parse: PythonParse;
  scope: ImportScope;
  names: ModuleNames;
}

/** Facts of the call, or a problem (severity info) when its labels cannot be read (`Enum(*ROLES)`). */
export function readEnumCall(
  reader: EnumCallReader, call: Node, via: EnumCallFacts['via'],
): { facts?: EnumCallFacts; problem?: ParseProblem } {
  const { file } = reader;
  const args = callArguments(call);
  const source = readSource(reader, args.positional, args.splats);
  if (source === 'unreadable') {
    return {
      problem: {
        file, range: locationOf(file, call).range, severity: 'info',
        message: `${dottedName(call.childForFieldName('function')) ?? 'Enum'}(...) takes its labels from an expression EnumGuard cannot evaluate; this column is not checked`,
      },
    };
  }
  const keyword = (name: string) => args.keywords.get(name)?.value;
  const facts: EnumCallFacts = {
    via,
    enumCall: locationOf(file, call),
    enumCallArgsEnd: argumentsEnd(file, call),
    source,
    explicitName: constantString(reader, keyword('name')),
    explicitNameLocation: args.keywords.has('name') ? locationOf(file, args.keywords.get('name')!.node) : undefined,
    schema: constantString(reader, keyword('schema')) ?? metadataSchema(reader, keyword('metadata')),
    inheritSchema: boolValue(keyword('inherit_schema')) ?? false,
    nativeEnum: boolValue(keyword('native_enum')) ?? true,
    createConstraint: boolValue(keyword('create_constraint')) ?? false,
    length: intValue(keyword('length')),
    createType: boolValue(keyword('create_type')) ?? true,
    omitAliases: boolValue(keyword('omit_aliases')) ?? true,
  };
  const valuesCallable = args.keywords.get('values_callable');
  if (valuesCallable) {
    facts.valuesCallable = {
      shape: classifyValuesCallable(valuesCallable.value, reader.names.callables),
      text: valuesCallable.value.text,
      location: locationOf(file, valuesCallable.node),
    };
  }
  return { facts };
}

/** The class named by the first positional argument, or the string labels, or 'unreadable'. */
function readSource(
  reader: EnumCallReader, positional: Node[], splats: Node[],
): EnumCallFacts['source'] | 'unreadable' {
  const first = unparenthesize(positional[0]);
  if (first && (first.type === 'identifier' || first.type === 'attribute') && splats.length === 0) {
    const localName = dottedName(first);
    if (localName !== undefined) {
      const resolved = reader.scope.resolve(localName);
      const resolvedModule = resolved?.includes('.') ? resolved.slice(0, resolved.lastIndexOf('.')) : undefined;
      return resolvedModule ? { kind: 'class', localName, resolvedModule } : { kind: 'class', localName };
    }
  }
  const labels: string[] = [];
  for (const argument of positional) {
    const label = stringValue(argument);
    if (label === undefined) return 'unreadable';
    labels.push(label);
  }
  // `*["a", "b"]` and `*ROLES` (a module-level list of strings) are exact; anything else is not knowable here.
  for (const splat of splats) {
    if (splat.type !== 'list_splat') continue; // **kw carries no labels
    const spread = unparenthesize(splat.namedChild(0));
    const name = dottedName(spread);
    const values = stringListValue(name !== undefined ? reader.names.assignments.get(name) : spread);
    if (!values) return 'unreadable';
    labels.push(...values);
  }
  if (labels.length === 0) return undefined;
  return { kind: 'literals', labels };
}

/** The binding fields an Enum(...) call decides, shared by column bindings and type_annotation_map entries. */
export function bindingKeywords(facts: EnumCallFacts) {
  return {
    enumCall: facts.enumCall,
    enumCallArgsEnd: facts.enumCallArgsEnd,
    explicitName: facts.explicitName,
    explicitNameLocation: facts.explicitNameLocation,
    nativeEnum: facts.nativeEnum,
    createConstraint: facts.createConstraint,
    length: facts.length,
    createType: facts.createType,
    omitAliases: facts.omitAliases,
    valuesCallable: facts.valuesCallable,
  };
}

/** A string literal or a module-level string constant (`name=ROLE_TYPE`). */
function constantString(reader: EnumCallReader, node: Node | undefined): string | undefined {
  const literal = stringValue(node);
  if (literal !== undefined || !node) return literal;
  const name = dottedName(unparenthesize(node));
  return name === undefined ? undefined : stringValue(reader.names.assignments.get(name));
}

/** `metadata=MetaData(schema="x")` or a module-level `metadata_obj = MetaData(schema="x")`. */
export function metadataSchema(reader: EnumCallReader, node: Node | undefined): string | undefined {
  let value = unparenthesize(node);
  const name = dottedName(value);
  if (name !== undefined) value = reader.names.assignments.get(name);
  if (value?.type !== 'call') return undefined;
  return constantString(reader, callArguments(value).keywords.get('schema')?.value);
}

/**
 * Where `, values_callable=...` can be inserted: right after the last argument (so a trailing comma or a
 * comment before ')' stays valid), or just before ')' when there are no arguments.
 */
function argumentsEnd(file: string, call: Node): SourceLocation {
  const list = call.childForFieldName('arguments');
  const last = list?.namedChildren.filter((c) => c.type !== 'comment').at(-1);
  const close = list?.children.filter((c) => c.type === ')' && !c.isMissing).at(-1);
  const anchor = last ? last.endPosition : close ? close.startPosition : call.endPosition;
  return { file, range: { line: anchor.row, column: anchor.column, endLine: anchor.row, endColumn: anchor.column } };
}
