// Alembic revision facts: revision / down_revision, and the enum ops of upgrade() and downgrade() — from
// op.create_table / add_column / alter_column, Enum(...).create/.drop, and SQL in op.execute strings.
// Semantics follow Alembic 1.13 + SQLAlchemy 2.0 (see enum-facts.md): create_table creates each named type once
// per run; add_column and alter_column never create the type; postgresql.ENUM(create_type=False) never does.
import type { Node } from 'web-tree-sitter';
import type { AlembicRevision, EnumOp, ParseProblem, PyImport, QualifiedName, SourceLocation, ValuesCallable } from '../model/types';
import { locationOf, stringLiteralValue, type PythonParse } from '../parse/python';
import { readPythonSqlString } from './pyStringSql';
import { lineStartsOf } from '../parse/lineIndex';
import { extractSqlEnumOpsMapped } from './sqlEnumOps';
import { classifyValuesCallable } from './valuesCallableShape';
import { identifierPattern, moduleStatements } from './pySyntax';

export function extractAlembicRevision(file: string, parse: PythonParse, imports: PyImport[]): AlembicRevision | undefined {
  const root = parse.tree.rootNode;
  let revision: { id: string; node: Node } | undefined;
  let downRevisions: string[] | undefined;
  const functions = new Map<string, Node>();
  const moduleScope = new Map<string, Node>();

  for (const { node: statement, type, topLevel } of moduleStatements(root)) {
    if (!topLevel) continue;
    if (type === 'function_definition') {
      const name = statement.childForFieldName('name')?.text;
      if (name === 'upgrade' || name === 'downgrade') functions.set(name, statement);
      continue;
    }
    const assignment = type === 'expression_statement' ? statement.namedChild(0) : null;
    if (assignment?.type !== 'assignment') continue;
    const target = assignment.childForFieldName('left');
    const value = assignment.childForFieldName('right');
    if (target?.type !== 'identifier' || !value) continue;
    moduleScope.set(target.text, value);
    if (target.text === 'revision') {
      const id = stringLiteralValue(value);
      if (id !== undefined) revision = { id, node: assignment };
    } else if (target.text === 'down_revision') {
      downRevisions = revisionList(value);
    }
  }
  if (!revision || downRevisions === undefined) return undefined;

  const reader = new RevisionReader(file, parse.text, imports, moduleScope);
  const upgrade = reader.readFunction(functions.get('upgrade'));
  const createdTables = [...reader.createdTables];
  const downgrade = reader.readFunction(functions.get('downgrade'));
  return {
    revision: revision.id,
    downRevisions,
    file,
    location: locationOf(file, revision.node),
    upgrade,
    downgrade,
    createdTables,
    problems: reader.problems,
  };
}

/** "abc" -> ["abc"]; None -> []; ("a", "b") / ["a", "b"] -> ["a", "b"]; anything else -> undefined. */
function revisionList(value: Node): string[] | undefined {
  if (value.type === 'none') return [];
  const single = stringLiteralValue(value);
  if (single !== undefined) return [single];
  if (value.type === 'parenthesized_expression') return value.namedChild(0) ? revisionList(value.namedChild(0)!) : undefined;
  if (value.type === 'tuple' || value.type === 'list') {
    const ids = value.namedChildren.map((c) => stringLiteralValue(c));
    return ids.every((id) => id !== undefined) ? (ids as string[]) : undefined;
  }
  return undefined;
}

/** What an Enum(...) / ENUM(...) call in a migration says about its PostgreSQL type. */
interface EnumSpec {
  call: Node;
  type?: QualifiedName;
  labels: string[];
  enumClass?: { localName: string; valuesCallable?: ValuesCallable };
  native: boolean;
  createType: boolean;
  /** inherit_schema=True: the table's schema applies when schema= is absent. */
  inheritSchema: boolean;
}

const saEnumNames = new Set(['sqlalchemy.Enum', 'sqlalchemy.types.Enum', 'sqlalchemy.sql.sqltypes.Enum']);
const pgEnumNames = new Set([
  'sqlalchemy.dialects.postgresql.ENUM', 'sqlalchemy.dialects.postgresql.base.ENUM', 'sqlalchemy.dialects.postgresql.named_types.ENUM',
]);
const arrayNames = new Set(['sqlalchemy.ARRAY', 'sqlalchemy.types.ARRAY', 'sqlalchemy.dialects.postgresql.ARRAY']);
const columnNames = new Set(['sqlalchemy.Column', 'sqlalchemy.schema.Column', 'sqlalchemy.sql.schema.Column']);
const textNames = new Set(['sqlalchemy.text', 'sqlalchemy.sql.text', 'sqlalchemy.sql.expression.text']);
// Used when a name is not among the file's imports (a half-typed file, or an import we could not read).
const conventionalModules: Record<string, string> = { op: 'alembic.op', sa: 'sqlalchemy', postgresql: 'sqlalchemy.dialects.postgresql', pg: 'sqlalchemy.dialects.postgresql' };

/** Node types that are pure expressions: they never hold an assignment or a with-item, only calls may matter in them. */
const expressionTypes = new Set([
  'call', 'argument_list', 'keyword_argument', 'attribute', 'identifier', 'string', 'concatenated_string', 'integer',
  'float', 'true', 'false', 'none', 'list', 'tuple', 'dictionary', 'pair', 'set', 'parenthesized_expression',
  'binary_operator', 'boolean_operator', 'comparison_operator', 'unary_operator', 'not_operator', 'subscript',
  'conditional_expression', 'lambda', 'list_comprehension', 'dictionary_comprehension', 'set_comprehension',
  'generator_expression', 'await', 'list_splat', 'dictionary_splat',
]);
/** Every call readCall handles spells one of these in its callee, unless it calls an imported alias of one. */
const handledCallWords = ['create', 'drop', 'add_column', 'alter_column', 'execute', 'exec_driver_sql'];
/** A column type that enumSpecOf can read spells one of these, unless it is an alias or a variable. */
const enumTypeWords = ['Enum', 'ENUM', 'ARRAY'];

class RevisionReader {
  readonly problems: ParseProblem[] = [];
  private readonly lineStarts: number[];
  private readonly importsByName = new Map<string, PyImport>();
  private localScope = new Map<string, Node>();
  private batchTables = new Map<string, { table: string; schema?: string }>();
  private ops: EnumOp[] = [];
  /** Types create_table already created in this function: Alembic creates each once per run. */
  private createdByTables = new Set<string>();
  /** Tables op.create_table creates (schema-qualified outside public), whatever their column types. */
  readonly createdTables = new Set<string>();
  /** Source text tests that let whole subtrees go unvisited: reading nodes crosses into WASM, a regex does not. */
  private readonly mayHoldHandledCall: RegExp;
  private readonly mayNameEnumType: RegExp;
  /** False in a function with syntax errors: an ERROR node inside an expression may hide an assignment. */
  private canSkipExpressions = false;

  constructor(
    private readonly file: string,
    private readonly text: string,
    imports: PyImport[],
    private readonly moduleScope: Map<string, Node>,
  ) {
    this.lineStarts = lineStartsOf(text);
    for (const item of imports) this.importsByName.set(item.localName, item);
    this.mayHoldHandledCall = wordsOrAliases(handledCallWords, imports);
    this.mayNameEnumType = wordsOrAliases(enumTypeWords, imports);
  }

  readFunction(definition: Node | undefined): EnumOp[] {
    this.ops = [];
    this.localScope = new Map();
    this.batchTables = new Map();
    this.createdByTables = new Set();
    const body = definition?.childForFieldName('body');
    this.canSkipExpressions = definition?.hasError === false;
    if (body) this.visit(body);
    return this.ops;
  }

  private visit(node: Node): void {
    const type = node.type;
    if (this.canSkipExpressions && expressionTypes.has(type) && !this.mayHoldOp(node)) return;
    if (type === 'assignment') this.noteAssignment(node);
    if (type === 'with_item') this.noteBatchAlias(node);
    if (type === 'call' && this.readCall(node)) return;
    for (const child of node.namedChildren) if (child) this.visit(child);
  }

  /** False when the expression holds no call that readCall could handle. */
  private mayHoldOp(node: Node): boolean {
    const source = this.sourceOf(node);
    return source.includes('(') && this.mayHoldHandledCall.test(source);
  }

  private sourceOf(node: Node): string {
    return this.text.slice(node.startIndex, node.endIndex);
  }

  private noteAssignment(assignment: Node): void {
    const target = assignment.childForFieldName('left');
    const value = assignment.childForFieldName('right');
    if (target?.type === 'identifier' && value) this.localScope.set(target.text, value);
  }

  /** `with op.batch_alter_table("t", schema=...) as batch_op:` -> batch_op's ops apply to table t. */
  private noteBatchAlias(item: Node): void {
    const value = item.childForFieldName('value');
    if (value?.type !== 'as_pattern') return;
    const call = value.namedChild(0);
    const alias = value.childForFieldName('alias')?.namedChild(0) ?? value.namedChild(1);
    if (call?.type !== 'call' || alias?.type !== 'identifier') return;
    if (this.qualifiedCallee(call) !== 'alembic.op.batch_alter_table') return;
    const table = stringLiteralValue(positionalArgs(call)[0]);
    if (table) this.batchTables.set(alias.text, { table, schema: stringLiteralValue(keywordArg(call, 'schema')) });
  }

  /** Handles a call that matters; true when handled (its arguments need no further visit). */
  private readCall(call: Node): boolean {
    const callee = call.childForFieldName('function');
    if (!callee) return false;
    const qualified = this.qualifiedCallee(call);
    switch (qualified) {
      case 'alembic.op.create_table': this.readCreateTable(call); return true;
      case 'alembic.op.add_column': this.readAddColumn(call, stringLiteralValue(positionalArgs(call)[0]), positionalArgs(call)[1], keywordArg(call, 'schema')); return true;
      case 'alembic.op.alter_column': this.readAlterColumn(call, stringLiteralValue(positionalArgs(call)[0]), positionalArgs(call)[1], keywordArg(call, 'schema')); return true;
    }
    if (callee.type !== 'attribute') return false;
    const method = callee.childForFieldName('attribute')?.text;
    const object = callee.childForFieldName('object');
    if (!object) return false;
    if (method === 'execute' || method === 'exec_driver_sql') return this.readExecute(call);
    if (method === 'create' || method === 'drop') {
      const spec = this.enumSpecOf(object);
      if (!spec) return false;
      this.readCreateOrDrop(call, method, spec);
      return true;
    }
    if (object.type === 'identifier' && this.batchTables.has(object.text)) {
      const batch = this.batchTables.get(object.text)!;
      const args = positionalArgs(call);
      if (method === 'add_column') this.readAddColumn(call, batch.table, args[0], undefined, batch.schema);
      else if (method === 'alter_column') this.readAlterColumn(call, batch.table, args[0], undefined, batch.schema);
      return method === 'add_column' || method === 'alter_column';
    }
    return false;
  }

  private readCreateTable(call: Node): void {
    const args = positionalArgs(call);
    const table = stringLiteralValue(args[0]);
    if (!table) return;
    const tableSchema = stringLiteralValue(keywordArg(call, 'schema'));
    this.createdTables.add(qualifiedTable(table, tableSchema));
    let scopeNames: RegExp | undefined;
    for (const argument of args.slice(1)) {
      // Most columns are plain (sa.Integer(), ...): only one that names an enum type or a variable can hold one.
      const source = this.sourceOf(argument);
      if (!this.mayNameEnumType.test(source)) {
        scopeNames ??= identifierPattern([...this.localScope.keys(), ...this.moduleScope.keys()]);
        if (!scopeNames?.test(source)) continue;
      }
      const column = this.columnOf(argument);
      if (!column?.spec) continue;
      const type = this.resolvedType(column.spec, tableSchema);
      if (!type) continue;
      if (column.spec.createType) {
        const key = `${type.schema ?? ''}.${type.name}`;
        if (!this.createdByTables.has(key)) {
          this.createdByTables.add(key);
          this.pushCreate(column.spec, type, 'create_table', this.location(column.spec.call), false);
        }
      }
      this.ops.push({ kind: 'use', type, table: qualifiedTable(table, tableSchema), column: column.name, location: this.location(argument) });
    }
  }

  /** op.add_column never emits CREATE TYPE (Alembic 1.13): the type must exist already. */
  private readAddColumn(call: Node, table: string | undefined, columnNode: Node | undefined, schemaNode: Node | undefined, batchSchema?: string): void {
    if (!table || !columnNode) return;
    const column = this.columnOf(columnNode);
    if (!column?.spec) return;
    const tableSchema = batchSchema ?? stringLiteralValue(schemaNode);
    const type = this.resolvedType(column.spec, tableSchema);
    if (type) this.ops.push({ kind: 'use', type, table: qualifiedTable(table, tableSchema), column: column.name, location: this.location(columnNode) });
  }

  /** op.alter_column(..., type_=Enum(...)) emits ALTER COLUMN TYPE only; it never creates the type. */
  private readAlterColumn(call: Node, table: string | undefined, columnNode: Node | undefined, schemaNode: Node | undefined, batchSchema?: string): void {
    const column = stringLiteralValue(columnNode);
    const typeArg = keywordArg(call, 'type_');
    if (!table || !column || !typeArg) return;
    const spec = this.enumSpecOf(typeArg);
    if (!spec?.native) return;
    const tableSchema = batchSchema ?? stringLiteralValue(schemaNode);
    const type = this.resolvedType(spec, tableSchema);
    if (type) this.ops.push({ kind: 'use', type, table: qualifiedTable(table, tableSchema), column, location: this.location(call) });
  }

  /** Enum(...).create(bind, checkfirst=...) creates even with create_type=False (that flag only affects table events). */
  private readCreateOrDrop(call: Node, method: 'create' | 'drop', spec: EnumSpec): void {
    const type = this.resolvedType(spec, undefined);
    if (!type) return;
    const checkFirst = keywordArg(call, 'checkfirst')?.type !== 'false' && positionalArgs(call)[1]?.type !== 'false';
    if (method === 'create') this.pushCreate(spec, type, 'enum-create', this.location(call), checkFirst);
    else this.ops.push({ kind: 'drop', type, ifExists: checkFirst, cascade: false, location: this.location(call) });
  }

  private pushCreate(spec: EnumSpec, type: QualifiedName, via: 'create_table' | 'enum-create', location: SourceLocation, checkFirst: boolean): void {
    this.ops.push({
      kind: 'create',
      type,
      labels: spec.labels,
      ...(spec.enumClass ? { enumClass: spec.enumClass } : {}),
      location,
      via,
      ...(checkFirst ? { checkFirst } : {}),
    });
  }

  /** op.execute("..."), op.execute(sa.text("...")), conn.execute(text("...")), conn.exec_driver_sql("..."). */
  private readExecute(call: Node): boolean {
    let argument: Node | undefined = positionalArgs(call)[0];
    if (!argument) return false;
    if (argument.type === 'call' && textNames.has(this.qualifiedCallee(argument) ?? '')) argument = positionalArgs(argument)[0];
    if (argument?.type === 'identifier') argument = this.localScope.get(argument.text) ?? this.moduleScope.get(argument.text);
    if (!argument) return false;
    const sql = readPythonSqlString(argument, this.lineStarts);
    if (sql.kind === 'f-string') {
      this.problems.push({ file: this.file, range: this.location(argument).range, message: 'SQL in an f-string: EnumGuard cannot know its text and skipped it', severity: 'info' });
      return true;
    }
    if (sql.kind !== 'ok') return false;
    const result = extractSqlEnumOpsMapped(this.file, sql.value, sql.toRange);
    this.ops.push(...result.ops);
    this.problems.push(...result.problems);
    return true;
  }

  /** sa.Column("name", <type>, ...) -> its name and enum spec (if its type is a native enum). */
  private columnOf(node: Node): { name: string; spec?: EnumSpec } | undefined {
    if (node.type !== 'call' || !columnNames.has(this.qualifiedCallee(node) ?? '')) return undefined;
    const args = positionalArgs(node);
    const name = stringLiteralValue(args[0]);
    if (!name) return undefined;
    for (const argument of [...args.slice(1), keywordArg(node, 'type_')]) {
      if (!argument) continue;
      const spec = this.enumSpecOf(argument);
      if (spec) return { name, spec: spec.native ? spec : undefined };
    }
    return { name };
  }

  /** An Enum/ENUM call, an ARRAY of one, or a variable bound to one. */
  private enumSpecOf(node: Node, depth = 0): EnumSpec | undefined {
    if (depth > 3) return undefined;
    if (node.type === 'identifier') {
      const bound = this.localScope.get(node.text) ?? this.moduleScope.get(node.text);
      return bound ? this.enumSpecOf(bound, depth + 1) : undefined;
    }
    if (node.type !== 'call') return undefined;
    const callee = this.qualifiedCallee(node) ?? '';
    if (arrayNames.has(callee)) {
      const inner = positionalArgs(node)[0];
      return inner ? this.enumSpecOf(inner, depth + 1) : undefined;
    }
    const isPg = pgEnumNames.has(callee);
    if (!isPg && !saEnumNames.has(callee)) return undefined;
    return this.readEnumCall(node, isPg);
  }

  private readEnumCall(call: Node, isPg: boolean): EnumSpec {
    const labels: string[] = [];
    let enumClass: EnumSpec['enumClass'];
    for (const argument of positionalArgs(call)) {
      const label = stringLiteralValue(argument);
      if (label !== undefined) labels.push(label);
      else if (argument.type === 'list_splat') labels.push(...this.splatLabels(argument));
      else if (!enumClass && (argument.type === 'identifier' || argument.type === 'attribute')) enumClass = { localName: argument.text };
    }
    const valuesCallable = keywordArg(call, 'values_callable');
    if (enumClass && valuesCallable) {
      const keyword = valuesCallable.parent!;
      enumClass.valuesCallable = { shape: classifyValuesCallable(valuesCallable, new Map()), text: valuesCallable.text, location: this.location(keyword) };
    }
    const explicitName = stringLiteralValue(keywordArg(call, 'name'));
    // SQLAlchemy names an unnamed Enum(SomeClass) after the class, lower-cased.
    const name = explicitName ?? (enumClass ? enumClass.localName.split('.').pop()!.toLowerCase() : undefined);
    const schema = stringLiteralValue(keywordArg(call, 'schema'));
    if (!name) {
      this.problems.push({ file: this.file, range: this.location(call).range, message: 'Enum without name=: PostgreSQL needs a type name, EnumGuard skipped this enum', severity: 'info' });
    }
    return {
      call,
      type: name ? (schema ? { schema, name } : { name }) : undefined,
      labels: enumClass ? [] : labels,
      enumClass,
      native: keywordArg(call, 'native_enum')?.type !== 'false',
      createType: !(isPg && keywordArg(call, 'create_type')?.type === 'false'),
      inheritSchema: keywordArg(call, 'inherit_schema')?.type === 'true',
    };
  }

  /** Enum(*["a", "b"]) or Enum(*LABELS) with LABELS a literal list/tuple in this file. */
  private splatLabels(splat: Node): string[] {
    let inner = splat.namedChild(0);
    if (inner?.type === 'identifier') inner = this.localScope.get(inner.text) ?? this.moduleScope.get(inner.text) ?? null;
    if (!inner || (inner.type !== 'list' && inner.type !== 'tuple')) return [];
    return inner.namedChildren.map((c) => stringLiteralValue(c)).filter((v): v is string => v !== undefined);
  }

  private resolvedType(spec: EnumSpec, tableSchema: string | undefined): QualifiedName | undefined {
    if (!spec.type) return undefined;
    if (!spec.type.schema && spec.inheritSchema && tableSchema) return { schema: tableSchema, name: spec.type.name };
    return spec.type;
  }

  /** The dotted name a call's callee refers to, through the file's imports ("sa.Enum" -> "sqlalchemy.Enum"). */
  private qualifiedCallee(call: Node): string | undefined {
    const callee = call.childForFieldName('function');
    const parts: string[] = [];
    let node: Node | null | undefined = callee;
    while (node?.type === 'attribute') {
      parts.unshift(node.childForFieldName('attribute')?.text ?? '');
      node = node.childForFieldName('object');
    }
    if (node?.type !== 'identifier') return undefined;
    const imported = this.importsByName.get(node.text);
    const head = imported ? (imported.name ? `${imported.module}.${imported.name}` : imported.module) : conventionalModules[node.text] ?? node.text;
    return [head, ...parts].join('.');
  }

  private location(node: Node): SourceLocation {
    return locationOf(this.file, node);
  }
}

function positionalArgs(call: Node): Node[] {
  const list = call.childForFieldName('arguments');
  if (!list) return [];
  return list.namedChildren.filter((c): c is Node => !!c && c.type !== 'keyword_argument' && c.type !== 'comment' && c.type !== 'dictionary_splat');
}

function keywordArg(call: Node, name: string): Node | undefined {
  const list = call.childForFieldName('arguments');
  for (const child of list?.namedChildren ?? []) {
    if (child?.type === 'keyword_argument' && child.childForFieldName('name')?.text === name) return child.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

function qualifiedTable(table: string, schema: string | undefined): string {
  return schema && schema !== 'public' ? `${schema}.${table}` : table;
}

/** Matches text holding one of `words`, or a whole identifier bound by an import of something that spells one. */
function wordsOrAliases(words: string[], imports: PyImport[]): RegExp {
  const spelled = new RegExp(words.join('|'));
  const aliases = imports.filter((i) => spelled.test(`${i.module}.${i.name ?? ''}`)).map((i) => i.localName);
  const aliasPattern = identifierPattern(aliases);
  return new RegExp(`${words.join('|')}${aliasPattern ? `|${aliasPattern.source}` : ''}`, 'u');
}
