// SQL enum facts with the real PostgreSQL parser: dumps with COPY data and meta-commands, recovery from a bad
// statement, byte -> UTF-16 positions with non-ASCII labels, SQL embedded at an origin, and parse throughput.
import { before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { extractSqlEnumOps } from '../../server/src/core/extract/sqlEnumOps';
import { parseSqlStatements, initSqlParser, findLabelToken, utf8OffsetToUtf16 } from '../../server/src/core/parse/sql';
import { splitSqlStatements } from '../../server/src/core/parse/sqlSplit';
import { parseSync } from 'libpg-query';
import type { EnumOp } from '../../server/src/core/model/types';
import { textAt } from '../support/alembicFixtures';

const fixtures = 'test/fixtures/sql';
const read = (name: string) => fs.readFileSync(`${fixtures}/${name}`, 'utf8');
const ofKind = <K extends EnumOp['kind']>(ops: EnumOp[], kind: K) => ops.filter((op): op is Extract<EnumOp, { kind: K }> => op.kind === kind);

before(async () => {
  await initSqlParser();
});

test('pg_dump schema: types, columns and a late ADD VALUE; COPY data and \\restrict lines are skipped', () => {
  const file = `${fixtures}/schema_dump.sql`;
  const text = read('schema_dump.sql');
  const { ops, problems } = extractSqlEnumOps(file, text);
  assert.deepEqual(problems, []);
  assert.deepEqual(ofKind(ops, 'create').map((op) => [op.type, op.labels]), [
    [{ schema: 'public', name: 'userrole' }, ['admin', 'user']],
    [{ schema: 'audit', name: 'Level' }, ['low', 'HIGH']], // quoted identifier keeps its case
  ]);
  assert.deepEqual(ofKind(ops, 'use').map((op) => [op.table, op.column, op.type]), [
    ['users', 'role', { schema: 'public', name: 'userrole' }],
    ['users', 'level', { schema: 'audit', name: 'Level' }],
  ]);
  const [role, level] = ofKind(ops, 'use');
  assert.equal(textAt(text, role.location.range), 'role public.userrole');
  assert.equal(textAt(text, level.location.range), 'level audit."Level"[]');
  const [guest] = ofKind(ops, 'add-value');
  assert.deepEqual([guest.label, guest.after, guest.before, guest.ifNotExists], ['guest', 'admin', undefined, false]);
  assert.equal(textAt(text, guest.location.range), "'guest'");
  assert.equal(guest.location.range.line, text.split('\n').findIndex((l) => l.includes("'guest'")));
  const [create] = ofKind(ops, 'create');
  assert.equal(create.location.range.line, 20);
  assert.equal(create.location.range.column, 0);
});

test('the splitter keeps dollar-quoted bodies and quoted ";" inside one statement, and agrees with the real parser', () => {
  const text = read('schema_dump.sql');
  const { statements, problems } = parseSqlStatements(text);
  assert.deepEqual(problems, []);
  const fn = statements.find((s) => 'CreateFunctionStmt' in s.stmt);
  assert.ok(fn);
  assert.match(fn.text, /RETURN NEW;\nEND;\n\$_\$;$/);
  // Differential check: without the COPY block and meta-commands, libpg-query parses the whole file at once;
  // its statements must match ours one for one.
  const plain = text.replace(/\\restrict.*|\\unrestrict.*/g, '').replace(/COPY [^;]*FROM stdin;\n[\s\S]*?\n\\\.\n/, '');
  assert.ok(!plain.includes('COPY') && !plain.includes('\\restrict'));
  const whole = parseSync(plain).stmts ?? [];
  const ours = splitSqlStatements(plain);
  assert.equal(ours.length, whole.length);
  const kinds = (nodes: object[]) => nodes.map((n) => Object.keys(n)[0]);
  assert.deepEqual(kinds(parseSqlStatements(plain).statements.map((s) => s.stmt)), kinds(whole.map((s) => s.stmt!)));
});

test('one bad statement costs only itself: its neighbours still yield ops, the error is located', () => {
  const file = `${fixtures}/one_bad_statement.sql`;
  const text = read('one_bad_statement.sql');
  const { ops, problems } = extractSqlEnumOps(file, text);
  assert.deepEqual(ops.map((op) => op.kind), ['create', 'add-value']);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /syntax error at or near ";"/);
  assert.equal(problems[0].severity, 'warning');
  assert.deepEqual([problems[0].range.line, problems[0].range.column], [1, 36]);
});

test('non-ASCII labels: byte offsets become UTF-16 columns', () => {
  const file = `${fixtures}/non_ascii.sql`;
  const text = read('non_ascii.sql');
  const { ops, problems } = extractSqlEnumOps(file, text);
  assert.deepEqual(problems, []);
  const [create] = ofKind(ops, 'create');
  assert.deepEqual(create.labels, ['café', 'thé', '茶']);
  const [add] = ofKind(ops, 'add-value');
  assert.deepEqual([add.label, add.before], ['crème', 'thé']);
  assert.deepEqual(add.location.range, { line: 1, column: 27, endLine: 1, endColumn: 34 });
  const [rename] = ofKind(ops, 'rename-value');
  assert.deepEqual([rename.from, rename.to], ['茶', 'tea']);
  assert.equal(textAt(text, rename.location.range), "'茶' TO 'tea'");
  const [use] = ofKind(ops, 'use');
  assert.deepEqual([use.table, use.column, use.type.name], ['orders', 'drïnk', 'drink']);
  assert.equal(textAt(text, use.location.range), '"drïnk" drink');
});

test('SQL embedded at an origin: the first line is shifted by the origin column, later lines are not', () => {
  const sql = "ALTER TYPE s.mood RENAME TO feeling;\n  DROP TYPE IF EXISTS a, b CASCADE;\nALTER TYPE x ADD VALUE 'y'";
  const { ops } = extractSqlEnumOps('m.py', sql, { line: 10, column: 16 });
  assert.deepEqual(ops.map((op) => [op.kind, op.location.range.line, op.location.range.column]), [
    ['rename-type', 10, 16], ['drop', 11, 2], ['drop', 11, 2], ['add-value', 12, 23],
  ]);
  const drops = ofKind(ops, 'drop');
  assert.deepEqual(drops.map((d) => [d.type.name, d.ifExists, d.cascade]), [['a', true, true], ['b', true, true]]);
  assert.deepEqual(ofKind(ops, 'rename-type')[0].type, { schema: 's', name: 'mood' });
});

test('ALTER TABLE ADD COLUMN / ALTER COLUMN TYPE give uses; builtin types do not', () => {
  const sql = 'CREATE TABLE t (a int4, b text, c varchar(3), d timestamptz, e mood, f serial);\n' +
    'ALTER TABLE audit.t ADD COLUMN g mood, ALTER COLUMN h TYPE "Mood2" USING h::text::"Mood2";';
  const uses = ofKind(extractSqlEnumOps('x.sql', sql).ops, 'use');
  assert.deepEqual(uses.map((u) => [u.table, u.column, u.type.name]), [['t', 'e', 'mood'], ['audit.t', 'g', 'mood'], ['audit.t', 'h', 'Mood2']]);
});

test('half-typed SQL never throws: unterminated quotes, dollar quotes and comments', () => {
  for (const sql of ["CREATE TYPE a AS ENUM ('x", 'CREATE FUNCTION f() AS $$ select', '/* open', "ALTER TYPE", ';;;', '']) {
    const result = extractSqlEnumOps('x.sql', sql);
    assert.ok(Array.isArray(result.ops));
  }
  const { problems } = extractSqlEnumOps('x.sql', "CREATE TYPE good AS ENUM ('g');\nCREATE TYPE a AS ENUM ('x");
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /unterminated quoted string/);
});

test('label tokens: E-strings, doubled quotes and byte conversion', () => {
  const sql = "ALTER TYPE t RENAME VALUE E'it\\'s' TO 'it''s now'";
  const [statement] = parseSqlStatements(sql).statements;
  assert.equal(sql.slice(findLabelToken(statement, "it's")!.start, findLabelToken(statement, "it's")!.end), "E'it\\'s'");
  assert.equal(sql.slice(findLabelToken(statement, "it's now")!.start), "'it''s now'");
  assert.equal(utf8OffsetToUtf16('aé茶b', 6), 3);
  assert.equal(utf8OffsetToUtf16('😀x', 4), 2);
});

test('throughput on a generated 2 MB pg_dump', (t) => {
  const parts: string[] = ['SET client_encoding = \'UTF8\';\n'];
  let size = 0;
  for (let i = 0; size < 2 * 1024 * 1024; i++) {
    const chunk = `CREATE TYPE public.kind_${i} AS ENUM ('a${i}', 'b${i}', 'café');\n` +
      `CREATE TABLE public.t_${i} (\n    id integer NOT NULL,\n    kind public.kind_${i},\n    note text\n);\n` +
      `ALTER TYPE public.kind_${i} ADD VALUE 'c${i}' AFTER 'a${i}';\n` +
      `COPY public.t_${i} (id, kind, note) FROM stdin;\n1\ta${i}\tO'Brien; x\n2\tb${i}\t\\N\n\\.\n\n` +
      `INSERT INTO public.t_${i} VALUES (3, 'a${i}', 'x');\n`;
    parts.push(chunk);
    size += chunk.length;
  }
  const dump = parts.join('');
  extractSqlEnumOps('warm-up.sql', dump.slice(0, 20000));
  // CPU time, not wall time: the test machine runs other suites in parallel.
  const started = process.cpuUsage();
  const { ops, problems } = extractSqlEnumOps('dump.sql', dump);
  const seconds = process.cpuUsage(started).user / 1e6;
  const megabytes = Buffer.byteLength(dump) / (1024 * 1024);
  const types = ops.filter((op) => op.kind === 'create').length;
  assert.deepEqual(problems, []);
  assert.equal(ops.length, types * 3);
  t.diagnostic(`extractSqlEnumOps: ${megabytes.toFixed(2)} MB, ${types} types in ${(seconds * 1000).toFixed(0)} ms CPU = ${(megabytes / seconds).toFixed(1)} MB/s`);
  const allStarted = process.cpuUsage();
  const all = parseSqlStatements(dump);
  const allSeconds = process.cpuUsage(allStarted).user / 1e6;
  assert.equal(all.problems.length, 0);
  t.diagnostic(`parseSqlStatements (every statement): ${(megabytes / allSeconds).toFixed(1)} MB/s, ${all.statements.length} statements`);
});
