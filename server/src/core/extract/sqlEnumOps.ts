// Enum facts from SQL text (a .sql migration, a pg_dump schema, or SQL inside an Alembic op.execute string):
// CREATE TYPE ... AS ENUM, ALTER TYPE ADD/RENAME VALUE, RENAME TO, DROP TYPE, and columns that use a
// non-builtin type. Positions are mapped back into the containing file.
import type { Node } from 'libpg-query';
import type { EnumOp, ParseProblem, QualifiedName, SourceRange } from '../model/types';
import { findLabelToken, parseSqlStatements, utf8OffsetToUtf16, type SqlStatement } from '../parse/sql';
import { lineStartsOf, positionAt } from '../parse/lineIndex';

/** Maps a UTF-16 range [start, end) of the SQL text to a range in the containing file. */
export type SqlRangeMapper = (start: number, end: number) => SourceRange;

/**
 * `origin` is where `sql` starts in `file` (0,0 for a plain .sql file; the string content start for SQL in a
 * Python string without escapes).
 */
export function extractSqlEnumOps(
  file: string,
  sql: string,
  origin: { line: number; column: number } = { line: 0, column: 0 },
): { ops: EnumOp[]; problems: ParseProblem[] } {
  return extractSqlEnumOpsMapped(file, sql, rangeMapperFromOrigin(sql, origin));
}

/** Like extractSqlEnumOps, with an arbitrary position mapping (escaped or concatenated Python strings). */
export function extractSqlEnumOpsMapped(file: string, sql: string, toRange: SqlRangeMapper): { ops: EnumOp[]; problems: ParseProblem[] } {
  const ops: EnumOp[] = [];
  const problems: ParseProblem[] = [];
  const parsed = parseSqlStatements(sql, { shouldParse: mayConcernEnums });
  for (const problem of parsed.problems) {
    problems.push({
      file,
      range: toRange(problem.offset, Math.max(problem.offset, problem.end)),
      message: `SQL syntax error: ${problem.message}; EnumGuard skipped this statement`,
      severity: 'warning',
    });
  }
  for (const statement of parsed.statements) {
    collectOps(file, statement, toRange, ops);
  }
  return { ops, problems };
}

// Statements that never define or use a type; skipping them is most of the speed on data-heavy dumps.
const irrelevantHeads = new Set([
  'INSERT', 'COPY', 'SELECT', 'SET', 'UPDATE', 'DELETE', 'GRANT', 'REVOKE', 'COMMENT', 'VALUES', 'WITH',
  'BEGIN', 'COMMIT', 'ROLLBACK', 'START', 'END', 'ANALYZE', 'VACUUM', 'TRUNCATE', 'LOCK', 'RESET', 'SHOW',
  'NOTIFY', 'LISTEN', 'REFRESH', 'CLUSTER', 'REINDEX', 'SAVEPOINT', 'RELEASE', 'DO', 'CALL',
]);

function mayConcernEnums(leadingWords: string): boolean {
  return !irrelevantHeads.has(leadingWords.split(' ')[0]);
}

function collectOps(file: string, statement: SqlStatement, toRange: SqlRangeMapper, ops: EnumOp[]): void {
  const node = statement.stmt as Record<string, any>;
  const whole = { file, range: toRange(statement.start, statement.end) };

  if (node.CreateEnumStmt) {
    const type = qualifiedNameOf(node.CreateEnumStmt.typeName);
    if (!type) return;
    const labels = (node.CreateEnumStmt.vals ?? []).map(stringValue).filter((v: string | undefined): v is string => v !== undefined);
    ops.push({ kind: 'create', type, labels, location: whole, via: 'sql' });
    return;
  }

  if (node.AlterEnumStmt) {
    const alter = node.AlterEnumStmt;
    const type = qualifiedNameOf(alter.typeName);
    if (!type || alter.newVal === undefined) return;
    if (alter.oldVal !== undefined) {
      const from = findLabelToken(statement, alter.oldVal);
      const to = from ? findLabelAfter(statement, alter.newVal, from.end) : undefined;
      const location = from ? { file, range: toRange(from.start, (to ?? from).end) } : whole;
      ops.push({ kind: 'rename-value', type, from: alter.oldVal, to: alter.newVal, location });
      return;
    }
    const labelToken = findLabelToken(statement, alter.newVal);
    const location = labelToken ? { file, range: toRange(labelToken.start, labelToken.end) } : whole;
    const neighbour: string | undefined = alter.newValNeighbor;
    ops.push({
      kind: 'add-value',
      type,
      label: alter.newVal,
      // PostgreSQL sets newValIsAfter for a plain ADD VALUE too; it only matters with a neighbour.
      ...(neighbour !== undefined ? (alter.newValIsAfter ? { after: neighbour } : { before: neighbour }) : {}),
      ifNotExists: alter.skipIfNewValExists === true,
      location,
    });
    return;
  }

  if (node.RenameStmt?.renameType === 'OBJECT_TYPE') {
    const type = qualifiedNameOf(listItems(node.RenameStmt.object));
    if (type && node.RenameStmt.newname) ops.push({ kind: 'rename-type', type, newName: node.RenameStmt.newname, location: whole });
    return;
  }

  if (node.DropStmt?.removeType === 'OBJECT_TYPE') {
    const drop = node.DropStmt;
    for (const object of drop.objects ?? []) {
      const type = qualifiedNameOf(object.TypeName?.names ?? listItems(object));
      if (type) ops.push({ kind: 'drop', type, ifExists: drop.missing_ok === true, cascade: drop.behavior === 'DROP_CASCADE', location: whole });
    }
    return;
  }

  if (node.CreateStmt) {
    const table = tableNameOf(node.CreateStmt.relation);
    for (const element of node.CreateStmt.tableElts ?? []) {
      if (element.ColumnDef) pushUse(element.ColumnDef.colname, element.ColumnDef, table, columnLocation(file, statement, element.ColumnDef, toRange), ops);
    }
    return;
  }

  if (node.AlterTableStmt) {
    const table = tableNameOf(node.AlterTableStmt.relation);
    for (const command of node.AlterTableStmt.cmds ?? []) {
      const cmd = command.AlterTableCmd;
      if (!cmd?.def?.ColumnDef) continue;
      const location = columnLocation(file, statement, cmd.def.ColumnDef, toRange);
      if (cmd.subtype === 'AT_AddColumn') pushUse(cmd.def.ColumnDef.colname, cmd.def.ColumnDef, table, location, ops);
      else if (cmd.subtype === 'AT_AlterColumnType') pushUse(cmd.name, cmd.def.ColumnDef, table, location, ops);
    }
  }
}

function findLabelAfter(statement: SqlStatement, label: string, after: number) {
  for (let occurrence = 0; occurrence < 4; occurrence++) {
    const token = findLabelToken(statement, label, occurrence);
    if (!token) return undefined;
    if (token.start >= after) return token;
  }
  return undefined;
}

function pushUse(column: string | undefined, columnDef: any, table: string | undefined, location: EnumOp['location'], ops: EnumOp[]): void {
  const typeName = columnDef?.typeName;
  if (!column || !table || !typeName) return;
  const names = (typeName.names ?? []).map(stringValue) as (string | undefined)[];
  if (names.length === 0 || names.some((n) => n === undefined)) return;
  if (isBuiltinType(names as string[])) return;
  const type = qualifiedNameOf(typeName.names);
  if (type) ops.push({ kind: 'use', type, table, column, location });
}

/** The column definition: from its start (a byte offset in the statement) to the end of its type name. */
function columnLocation(file: string, statement: SqlStatement, columnDef: any, toRange: SqlRangeMapper): EnumOp['location'] {
  const columnByte: unknown = columnDef.location ?? columnDef.typeName?.location;
  const typeByte: unknown = columnDef.typeName?.location;
  if (typeof columnByte !== 'number' || columnByte < 0 || typeof typeByte !== 'number' || typeByte < 0) {
    return { file, range: toRange(statement.start, statement.end) };
  }
  const start = utf8OffsetToUtf16(statement.text, columnByte);
  const typeStart = utf8OffsetToUtf16(statement.text, typeByte);
  typeNamePattern.lastIndex = typeStart;
  const match = typeNamePattern.exec(statement.text);
  const end = match ? typeStart + match[0].length : typeStart;
  return { file, range: toRange(statement.start + Math.min(start, typeStart), statement.start + end) };
}

// A possibly qualified, possibly quoted type name with optional array brackets: `audit."Level"[]`.
const typeNamePattern = /(?:"(?:[^"]|"")*"|[A-Za-z0-9_$\u0080-\uffff]+)(?:\s*\.\s*(?:"(?:[^"]|"")*"|[A-Za-z0-9_$\u0080-\uffff]+))*(?:\s*\[\s*\d*\s*\])*/y;

// Types that are never enums: pg_catalog names the parser did not qualify (written as `int4`, `text`, `serial`)
// and common extension types. A `use` of any other type is harmless when it turns out not to be an enum.
const builtinTypeNames = new Set([
  'bool', 'boolean', 'int2', 'int4', 'int8', 'int', 'integer', 'smallint', 'bigint', 'float4', 'float8', 'real',
  'numeric', 'decimal', 'money', 'text', 'varchar', 'char', 'bpchar', 'name', 'oid', 'date', 'time', 'timetz',
  'timestamp', 'timestamptz', 'interval', 'uuid', 'json', 'jsonb', 'jsonpath', 'bytea', 'xml', 'inet', 'cidr',
  'macaddr', 'macaddr8', 'tsvector', 'tsquery', 'point', 'line', 'lseg', 'box', 'path', 'polygon', 'circle',
  'bit', 'varbit', 'serial', 'serial2', 'serial4', 'serial8', 'smallserial', 'bigserial', 'int4range',
  'int8range', 'numrange', 'tsrange', 'tstzrange', 'daterange', 'regclass', 'regtype', 'regproc', 'pg_lsn',
  'txid_snapshot', 'record', 'void', 'citext', 'hstore', 'ltree', 'geometry', 'geography', 'vector',
]);

function isBuiltinType(names: string[]): boolean {
  if (names[0] === 'pg_catalog') return true;
  return builtinTypeNames.has(names[names.length - 1]);
}

function stringValue(node: any): string | undefined {
  const value = node?.String?.sval;
  return typeof value === 'string' ? value : undefined;
}

function listItems(node: any): Node[] | undefined {
  return node?.List?.items;
}

/** [name] / [schema, name] / [database, schema, name]; identifiers arrive already case-folded by the parser. */
function qualifiedNameOf(names: Node[] | undefined): QualifiedName | undefined {
  if (!names || names.length === 0) return undefined;
  const parts = names.map(stringValue);
  if (parts.some((p) => p === undefined)) return undefined;
  const name = parts[parts.length - 1]!;
  return parts.length >= 2 ? { schema: parts[parts.length - 2]!, name } : { name };
}

/** "orders" or "audit.orders" (the schema is kept only when written and not public). */
function tableNameOf(relation: any): string | undefined {
  if (!relation?.relname) return undefined;
  return relation.schemaname && relation.schemaname !== 'public' ? `${relation.schemaname}.${relation.relname}` : relation.relname;
}

/** Line/column of SQL offsets when the SQL sits verbatim in the file starting at `origin`. */
export function rangeMapperFromOrigin(sql: string, origin: { line: number; column: number }): SqlRangeMapper {
  const lineStarts = lineStartsOf(sql);
  const position = (offset: number) => {
    const { line, column } = positionAt(lineStarts, offset);
    return { line: origin.line + line, column: line === 0 ? origin.column + column : column };
  };
  return (start, end) => {
    const from = position(start);
    const to = position(end);
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  };
}
