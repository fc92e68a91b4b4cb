// Every SQLAlchemy enum binding of one Python file: ORM attributes (mapped_column / Column / bare Mapped[Cls]),
// Core Table columns, and type_annotation_map entries on a declarative Base. Unknown shapes are skipped; never throws.
import { Query, type Language, type Node } from 'web-tree-sitter';
import { locationOf, spanOf, type PythonParse } from '../parse/python';
import type { OrmEnumBinding, ParseProblem, PyImport, SourceLocation, TypeAnnotationMapEntry } from '../model/types';
import { IgnoreComments } from './ignoreComments';
import { ImportScope } from './pyImports';
import { assignmentOf, callArguments, dottedName, identifierPattern, moduleStatements, stringValue, unparenthesize } from './pySyntax';
import { bindingKeywords, metadataSchema, readEnumCall, type EnumCallFacts, type EnumCallReader, type ModuleNames } from './sqlalchemyEnumCall';
import { sqlAlchemyNameOf } from './sqlalchemyNames';
import { readMappedClass } from './sqlalchemyMapped';

export interface SqlAlchemyFacts {
  bindings: OrmEnumBinding[];
  typeAnnotationMaps: TypeAnnotationMapEntry[];
  problems: ParseProblem[];
}

/**
 * `enumClassNames` holds local names known to be enum classes; it is only consulted for a bare `Mapped[X]`
 * (no explicit column type), where nothing else in the file says X is an enum.
 */
export function extractSqlAlchemy(file: string, parse: PythonParse, imports: PyImport[], enumClassNames: Set<string>): SqlAlchemyFacts {
  const facts: SqlAlchemyFacts = { bindings: [], typeAnnotationMaps: [], problems: [] };
  const { names, classes } = readModuleLevel(parse.tree.rootNode);
  const reader: EnumCallReader = { file, parse, scope: new ImportScope(imports), names };
  const extraction = new Extraction(reader, enumClassNames, facts, imports);
  extraction.classes = classes;
  for (const [name, definition] of classes) extraction.guarded(definition, () => extraction.readClass(name, definition));
  if (parse.text.includes('Table')) {
    for (const call of tableCalls(parse)) extraction.guarded(call, () => extraction.readTable(call));
  }
  return facts;
}

/** Call arguments that configure a column but are not its type. */
const schemaItemCallees = new Set(['ForeignKey', 'Sequence', 'Identity', 'Computed', 'FetchedValue', 'DefaultClause', 'CheckConstraint', 'UniqueConstraint', 'Index']);

/** What a column's type expression resolves to when it is (or wraps) an enum type. */
interface EnumTypeTarget {
  call: Node;
  via: EnumCallFacts['via'];
  isArray: boolean;
}

interface ColumnRead {
  location: SourceLocation;
  attribute: string;
  modelClass?: string;
  table?: string;
  column: string;
  tableSchema?: string;
  typeNode?: Node;
  mappedClass?: string;
}

class Extraction {
  classes = new Map<string, Node>();
  private readonly ignore: IgnoreComments;
  private readonly bodies = new Map<number, Node[]>();

  private readonly interesting: RegExp;

  constructor(
    private readonly reader: EnumCallReader, private readonly enumClassNames: Set<string>, private readonly facts: SqlAlchemyFacts,
    imports: PyImport[],
  ) {
    this.ignore = new IgnoreComments(reader.parse.text);
    this.interesting = interestingText(reader, imports, [...enumClassNames].filter((name) => this.isEnumClassName(name)));
  }

  /**
   * Cheap text test: false only when the node's source cannot yield a fact. Reading nodes crosses into WASM and
   * costs far more than a regex over the source text.
   */
  private mayHoldEnum(node: Node): boolean {
    return this.interesting.test(this.reader.parse.text.slice(node.startIndex, node.endIndex));
  }

  /** Runs one unit of extraction; an unexpected failure becomes a problem on that node instead of an exception. */
  guarded(node: Node, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.facts.problems.push({
        file: this.reader.file, range: locationOf(this.reader.file, node).range, severity: 'warning',
        message: `EnumGuard could not read this declaration: ${(error as Error).message}`,
      });
    }
  }

  /** A class body's statements, read once per class (tree-sitter hands out a new node on every field access). */
  private bodyStatements(definition: Node): Node[] {
    let statements = this.bodies.get(definition.id);
    if (!statements) {
      statements = definition.childForFieldName('body')?.namedChildren ?? [];
      this.bodies.set(definition.id, statements);
    }
    return statements;
  }

  readClass(className: string, definition: Node): void {
    if (!this.mayHoldEnum(definition)) return;
    const body = this.bodyStatements(definition);
    let table: { name?: string; schema?: string } | undefined;
    const tableOf = () => (table ??= {
      name: stringValue(this.classAttribute(definition, '__tablename__')),
      schema: this.classTableSchema(definition),
    });
    for (const statement of body) {
      if (!this.mayHoldEnum(statement)) continue;
      const assignment = assignmentOf(statement);
      const nameNode = assignment?.childForFieldName('left');
      if (!assignment || nameNode?.type !== 'identifier') continue;
      const attribute = nameNode.text;
      const right = assignment.childForFieldName('right') ?? undefined;
      if (attribute === 'type_annotation_map' || attribute === 'registry') {
        this.readTypeAnnotationMap(className, right);
        continue;
      }
      if (attribute.startsWith('__')) continue;
      this.readOrmAttribute({ className, tableOf, assignment, nameNode, right });
    }
  }

  private readOrmAttribute(site: {
    className: string; tableOf: () => { name?: string; schema?: string }; assignment: Node; nameNode: Node; right?: Node;
  }): void {
    const value = unparenthesize(site.right);
    let columnCall: Node | undefined;
    if (value) {
      const kind = value.type === 'call' ? sqlAlchemyNameOf(value.childForFieldName('function'), this.reader.scope) : undefined;
      if (kind !== 'Column' && kind !== 'mapped_column') return; // relationship(), column_property(), plain values
      columnCall = value;
    }
    const { columnName, typeNode } = columnCall ? this.columnNameAndType(columnCall) : { columnName: undefined, typeNode: undefined };
    // The Mapped[] class only matters when no column type is written.
    const annotation = typeNode ? undefined : site.assignment.childForFieldName('type') ?? undefined;
    const mappedClass = annotation ? readMappedClass(annotation, this.reader.scope) : undefined;
    if (!columnCall && !mappedClass) return;
    const attribute = site.nameNode.text;
    this.emitColumn({
      location: spanOf(this.reader.file, site.nameNode, columnCall ?? site.assignment),
      attribute: `${site.className}.${attribute}`,
      modelClass: site.className,
      table: site.tableOf().name,
      column: columnName ?? attribute,
      tableSchema: site.tableOf().schema,
      typeNode,
      mappedClass,
    });
  }

  /** A Core `Table("users", metadata, Column("role", Enum(...)), schema="x")`. */
  readTable(call: Node): void {
    if (sqlAlchemyNameOf(call.childForFieldName('function'), this.reader.scope) !== 'Table') return;
    const args = callArguments(call);
    const tableName = stringValue(args.positional[0]);
    if (tableName === undefined) return;
    const tableSchema = stringValue(args.keywords.get('schema')?.value) ?? metadataSchema(this.reader, args.positional[1]);
    const modelClass = enclosingClassName(call);
    for (const argument of args.positional.slice(1)) {
      const column = unparenthesize(argument);
      if (column?.type !== 'call' || sqlAlchemyNameOf(column.childForFieldName('function'), this.reader.scope) !== 'Column') continue;
      const { columnName, typeNode } = this.columnNameAndType(column);
      if (columnName === undefined) continue;
      this.emitColumn({
        location: locationOf(this.reader.file, column),
        attribute: `${tableName}.${columnName}`,
        modelClass,
        table: tableName,
        column: columnName,
        tableSchema,
        typeNode,
      });
    }
  }

  /** Column("name", Type, ...), Column(Type, ...), mapped_column(..., type_=Type), name="..." keyword. */
  private columnNameAndType(call: Node): { columnName?: string; typeNode?: Node } {
    const args = callArguments(call);
    let positional = args.positional;
    let columnName = stringValue(positional[0]);
    if (columnName !== undefined) positional = positional.slice(1);
    columnName ??= stringValue(args.keywords.get('name')?.value);
    const typeNode = args.keywords.get('type_')?.value ?? positional.find((p) => !isSchemaItem(p));
    return { columnName, typeNode };
  }

  private emitColumn(column: ColumnRead): void {
    if (column.typeNode) {
      const target = this.enumTypeOf(column.typeNode);
      if (!target) return; // an explicit non-enum type (String, a TypeDecorator): no native enum behind it
      const { facts, problem } = readEnumCall(this.reader, target.call, target.via);
      if (problem) this.facts.problems.push(problem);
      if (!facts) return;
      // An Enum(...) without class or labels holds no labels, even under Mapped[Cls] (checked with SQLAlchemy 2.0.40).
      const source = facts.source ?? { kind: 'literals', labels: [] };
      this.facts.bindings.push(this.binding(column, {
        ...bindingKeywords(facts),
        source,
        schema: facts.inheritSchema ? column.tableSchema : facts.schema,
        via: facts.via,
        isArray: target.isArray,
      }));
      return;
    }
    if (!column.mappedClass || !this.isEnumClassName(column.mappedClass)) return;
    this.facts.bindings.push(this.binding(column, {
      source: this.classSource(column.mappedClass)!,
      nativeEnum: true,
      createConstraint: false,
      createType: true,
      omitAliases: true,
      via: 'Mapped-annotation',
      isArray: false,
    }));
  }

  private binding(
    column: ColumnRead,
    type: Omit<OrmEnumBinding, 'id' | 'orm' | 'location' | 'attribute' | 'modelClass' | 'table' | 'column' | 'ignoredRules'>,
  ): OrmEnumBinding {
    const { range } = column.location;
    const binding: OrmEnumBinding = {
      id: `${column.location.file}:${range.line}:${range.column}`,
      orm: 'sqlalchemy',
      location: column.location,
      attribute: column.attribute,
      modelClass: column.modelClass,
      table: column.table,
      column: column.column,
      ...type,
      ignoredRules: this.ignore.rulesFor(range),
    };
    for (const key of Object.keys(binding) as (keyof OrmEnumBinding)[]) if (binding[key] === undefined) delete binding[key];
    return binding;
  }

  private classSource(localName: string | undefined): OrmEnumBinding['source'] | undefined {
    if (localName === undefined) return undefined;
    const resolved = this.reader.scope.resolve(localName);
    const resolvedModule = resolved?.includes('.') ? resolved.slice(0, resolved.lastIndexOf('.')) : undefined;
    return resolvedModule ? { kind: 'class', localName, resolvedModule } : { kind: 'class', localName };
  }

  /** The hint set, minus names that come from modules that define no enums (datetime, uuid, typing, ...). */
  private isEnumClassName(localName: string): boolean {
    if (!this.enumClassNames.has(localName)) return false;
    const resolved = this.reader.scope.resolve(localName);
    return !(resolved && nonEnumModules.test(resolved));
  }

  /** Enum(...), ARRAY(Enum(...)), Enum(...).with_variant(...), or a module-level name bound to one of those. */
  private enumTypeOf(node: Node, depth = 0): EnumTypeTarget | undefined {
    const inner = unparenthesize(node);
    if (!inner || depth > 5) return undefined;
    if (inner.type === 'identifier') {
      const value = this.reader.names.assignments.get(inner.text);
      return value ? this.enumTypeOf(value, depth + 1) : undefined;
    }
    if (inner.type !== 'call') return undefined;
    const callee = inner.childForFieldName('function');
    const kind = sqlAlchemyNameOf(callee, this.reader.scope);
    if (kind === 'Enum' || kind === 'postgresql.ENUM') return { call: inner, via: kind, isArray: false };
    if (kind === 'ARRAY') {
      const args = callArguments(inner);
      const item = args.keywords.get('item_type')?.value ?? args.positional[0];
      const target = item ? this.enumTypeOf(item, depth + 1) : undefined;
      return target ? { ...target, isArray: true } : undefined;
    }
    // Enum(...).with_variant(String(), "sqlite") and similar methods keep the Enum as the PostgreSQL type.
    if (callee?.type === 'attribute') {
      const object = unparenthesize(callee.childForFieldName('object'));
      if (object?.type === 'call') return this.enumTypeOf(object, depth + 1);
    }
    return undefined;
  }

  /** `type_annotation_map = {enum.Enum: Enum(...), Role: Enum(...)}` or `registry = registry(type_annotation_map={...})`. */
  private readTypeAnnotationMap(className: string, right: Node | undefined): void {
    let map = unparenthesize(right);
    if (map?.type === 'call') map = unparenthesize(callArguments(map).keywords.get('type_annotation_map')?.value);
    if (map?.type !== 'dictionary') return;
    for (const pair of map.namedChildren) {
      if (pair.type !== 'pair') continue;
      const key = pair.childForFieldName('key');
      const value = pair.childForFieldName('value');
      if (!key || !value) continue;
      const target = this.enumTypeOf(value);
      if (!target) continue;
      const { facts, problem } = readEnumCall(this.reader, target.call, target.via);
      if (problem) this.facts.problems.push(problem);
      if (!facts) continue;
      const location = locationOf(this.reader.file, pair);
      this.facts.typeAnnotationMaps.push({
        baseClass: className,
        key: this.annotationMapKey(key),
        binding: withoutUndefined({
          orm: 'sqlalchemy',
          location,
          ...bindingKeywords(facts),
          schema: facts.schema,
          via: 'type_annotation_map',
          isArray: target.isArray,
          ignoredRules: this.ignore.rulesFor(location.range),
        }),
      });
    }
  }

  /** "enum.Enum" for Python's Enum under any spelling (it applies to every enum class); else the key as written. */
  private annotationMapKey(key: Node): string {
    const dotted = dottedName(key);
    if (dotted === undefined) return key.text;
    const resolved = this.reader.scope.resolve(dotted);
    if (resolved === 'enum.Enum' || (resolved === undefined && (dotted === 'Enum' || dotted === 'enum.Enum'))) return 'enum.Enum';
    return dotted;
  }

  /** A class attribute, looked up through same-file base classes as Python's attribute lookup would. */
  private classAttribute(definition: Node, name: string, depth = 0): Node | undefined {
    if (depth > 10) return undefined;
    const ownText = this.reader.parse.text.slice(definition.startIndex, definition.endIndex);
    const bases = definition.childForFieldName('superclasses');
    const bodyMayHold = ownText.includes(name);
    if (!bodyMayHold && !bases) return undefined;
    const { text } = this.reader.parse;
    for (const statement of bodyMayHold ? this.bodyStatements(definition) : []) {
      // `name = ...` / `name: T = ...` starts with the name: skip the rest without reading their nodes.
      if (!text.startsWith(name, statement.startIndex)) continue;
      const assignment = assignmentOf(statement);
      if (assignment?.childForFieldName('left')?.text === name) return assignment.childForFieldName('right') ?? undefined;
    }
    for (const base of bases?.namedChildren ?? []) {
      const baseClass = this.classes.get(dottedName(base) ?? '');
      const found = baseClass && baseClass !== definition ? this.classAttribute(baseClass, name, depth + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  /** `__table_args__ = {"schema": "x"}` (or a tuple ending with that dict), else the Base's MetaData(schema=...). */
  private classTableSchema(definition: Node): string | undefined {
    const tableArgs = unparenthesize(this.classAttribute(definition, '__table_args__'));
    const options = tableArgs?.type === 'tuple' ? unparenthesize(tableArgs.namedChildren.filter((c) => c.type !== 'comment').at(-1)) : tableArgs;
    if (options?.type === 'dictionary') {
      for (const pair of options.namedChildren) {
        if (pair.type === 'pair' && stringValue(pair.childForFieldName('key')) === 'schema') return stringValue(pair.childForFieldName('value'));
      }
    }
    const metadata = this.classAttribute(definition, 'metadata');
    if (metadata) return metadataSchema(this.reader, metadata);
    // Base = declarative_base(metadata=MetaData(schema="x"))
    for (const base of definition.childForFieldName('superclasses')?.namedChildren ?? []) {
      const factory = unparenthesize(this.reader.names.assignments.get(dottedName(base) ?? ''));
      if (factory?.type === 'call') {
        const schema = metadataSchema(this.reader, callArguments(factory).keywords.get('metadata')?.value);
        if (schema) return schema;
      }
    }
    return undefined;
  }
}

const nonEnumModules = /^(datetime|decimal|uuid|typing|typing_extensions|collections|pathlib|ipaddress|json|builtins|sqlalchemy|pydantic)(\.|$)/;

function isSchemaItem(node: Node): boolean {
  const inner = unparenthesize(node);
  if (inner?.type !== 'call') return false;
  const callee = dottedName(inner.childForFieldName('function'));
  return callee !== undefined && schemaItemCallees.has(callee.split('.').at(-1)!);
}

/** `__table__ = Table(...)` inside a class body: the class maps that table. */
function enclosingClassName(call: Node): string | undefined {
  const block = call.parent?.parent?.parent;
  const definition = block?.type === 'block' ? block.parent : undefined;
  return definition?.type === 'class_definition' ? definition.childForFieldName('name')?.text : undefined;
}

/**
 * Module-level names and classes (by name, the last definition wins) in one pass. Class attributes (`Base.metadata`)
 * are read only when a dotted name is first looked up: most files never need them.
 */
function readModuleLevel(root: Node): { names: ModuleNames; classes: Map<string, Node> } {
  const classDefinitions: { name: string | undefined; definition: Node }[] = [];
  const names: ModuleNames = { assignments: new ModuleAssignments(classDefinitions), callables: new Map() };
  const classes = new Map<string, Node>();
  for (const { node: statement, type } of moduleStatements(root)) {
    const definition = type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const definitionType = definition === statement ? type : definition?.type;
    if (definitionType === 'function_definition') {
      const name = definition!.childForFieldName('name')?.text;
      if (name) names.callables.set(name, definition!);
      continue;
    }
    if (definitionType === 'class_definition') {
      const name = definition!.childForFieldName('name')?.text;
      classDefinitions.push({ name, definition: definition! });
      if (name) classes.set(name, definition!);
      continue;
    }
    if (type !== 'expression_statement') continue;
    const assignment = statement.namedChild(0);
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'identifier' || !right) continue;
    const name = left.text;
    names.assignments.set(name, right);
    if (unparenthesize(right)?.type === 'lambda') names.callables.set(name, right);
  }
  return { names, classes };
}

/** Module-level assignments; `Class.attr` entries are added from the class bodies on the first dotted lookup. */
class ModuleAssignments extends Map<string, Node> {
  private classMembersRead = false;

  constructor(private readonly classDefinitions: { name: string | undefined; definition: Node }[]) {
    super();
  }

  override get(key: string): Node | undefined {
    if (key.includes('.')) this.readClassMembers();
    return super.get(key);
  }

  override has(key: string): boolean {
    if (key.includes('.')) this.readClassMembers();
    return super.has(key);
  }

  private readClassMembers(): void {
    if (this.classMembersRead) return;
    this.classMembersRead = true;
    for (const { name: className, definition } of this.classDefinitions) {
      // Class attributes are reachable as `Class.attr` (e.g. `metadata=Base.metadata`).
      for (const member of definition.childForFieldName('body')?.namedChildren ?? []) {
        const assignment = member ? assignmentOf(member) : undefined;
        const left = assignment?.childForFieldName('left');
        const right = assignment?.childForFieldName('right');
        if (className && left?.type === 'identifier' && right) super.set(`${className}.${left.text}`, right);
      }
    }
  }
}

/**
 * What a source text must mention to yield a fact: an enum type (Enum/ENUM under any spelling, or a local alias
 * of one), a type map, a module-level name bound to an enum type (directly or through other names), or an enum
 * class that a bare `Mapped[X]` may name. Anything else cannot produce a binding, a type map entry or a problem.
 */
function interestingText(reader: EnumCallReader, imports: PyImport[], enumClasses: string[]): RegExp {
  const enumTypeText = /Enum|ENUM/;
  const typeNames = new Set<string>();
  // `from sqlalchemy import Enum as Kind`: `Kind(...)` names the type without spelling it.
  for (const entry of imports) if (enumTypeText.test(`${entry.module}.${entry.name ?? ''}`)) typeNames.add(entry.localName);
  const { text } = reader.parse;
  const values: [string, string][] = [];
  for (const [name, value] of reader.names.assignments) values.push([name, text.slice(value.startIndex, value.endIndex)]);
  // `A = B` with `B = Enum(...)`: column types follow such chains, so A is as good as B.
  for (let grew = true; grew;) {
    grew = false;
    const mentions = identifierPattern(typeNames);
    for (const [name, valueText] of values) {
      if (typeNames.has(name) || !(enumTypeText.test(valueText) || mentions?.test(valueText))) continue;
      typeNames.add(name);
      grew = true;
    }
  }
  const wanted = identifierPattern([...typeNames, ...enumClasses]);
  return new RegExp(`Enum|ENUM|type_annotation_map${wanted ? `|${wanted.source}` : ''}`, 'u');
}

const tableQueries = new WeakMap<Language, Query>();

/** Every call whose callee ends in "Table" (anywhere: module level, class bodies, functions); filtered by import later. */
function tableCalls(parse: PythonParse): Node[] {
  const language = parse.tree.language;
  let query = tableQueries.get(language);
  if (!query) {
    query = new Query(language, '(call function: [(identifier) (attribute)] @callee (#match? @callee "(^|\\\\.)Table$")) @call');
    tableQueries.set(language, query);
  }
  return query.captures(parse.tree.rootNode).filter((c) => c.name === 'call').map((c) => c.node);
}

function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
