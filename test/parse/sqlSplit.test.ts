// The one SQL script scanner (core/parse/sqlSplit): statements, COPY blocks and meta-commands with their
// offsets and lines, whatever quoting, comments and COPY data a dump holds; splitSqlStatements is its view for
// the parser (sql.ts), splitSqlScript its view for the embedded-database loader.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineCounter, splitSqlScript, splitSqlStatements, type ScriptPart } from '../../server/src/core/parse/sqlSplit';

/** Each part as [kind, line, text]; a COPY part also gives its data. */
function describe(script: string): (string | number)[][] {
  const lineAt = lineCounter(script);
  return splitSqlScript(script).map((part: ScriptPart) => {
    const row = [part.kind, lineAt(part.start), script.slice(part.start, part.end)];
    return part.kind === 'copy' ? [...row, script.slice(part.data.start, part.data.end)] : row;
  });
}
const statements = (sql: string) => splitSqlStatements(sql).map((range) => sql.slice(range.start, range.end));

test('statements, quotes, E-strings, dollar quotes, nested comments and meta-commands', () => {
  const script = [
    '\\restrict abc',                                   // 1
    'SET a = 1; -- trailing; comment',                  // 2
    "INSERT INTO t VALUES ('x;y', E'it\\'s;', \"q;\");", // 3
    '/* block; /* nested; */ still */ CREATE FUNCTION f() RETURNS int AS $fn$', // 4
    '  SELECT 1; $x$ not the end $x$;',                 // 5
    '$fn$ LANGUAGE sql;',                               // 6
    '\\connect other  ',                                // 7
    'SELECT $1, a$b FROM t',                            // 8 (no semicolon at the end of the file)
  ].join('\n');
  assert.deepEqual(describe(script), [
    ['meta', 1, '\\restrict abc'],
    ['statement', 2, 'SET a = 1;'],
    ['statement', 3, "INSERT INTO t VALUES ('x;y', E'it\\'s;', \"q;\");"],
    ['statement', 4, 'CREATE FUNCTION f() RETURNS int AS $fn$\n  SELECT 1; $x$ not the end $x$;\n$fn$ LANGUAGE sql;'],
    ['meta', 7, '\\connect other  '],
    ['statement', 8, 'SELECT $1, a$b FROM t'],
  ]);
  // The parser's view: the same statements, meta-commands left out.
  assert.deepEqual(statements(script), describe(script).filter((row) => row[0] !== 'meta').map((row) => row[2]));
});

test('COPY FROM stdin keeps its rows up to the \\. line; the parser sees only the COPY statement', () => {
  const script = "COPY t (a, b) FROM stdin;\n1\tx;y\n2\tO'Brien\\N\n\\.\nSELECT 1;\n";
  assert.deepEqual(describe(script), [
    ['copy', 1, 'COPY t (a, b) FROM stdin;', "1\tx;y\n2\tO'Brien\\N\n"],
    ['statement', 5, 'SELECT 1;'],
  ]);
  assert.deepEqual(statements(script), ['COPY t (a, b) FROM stdin;', 'SELECT 1;']);
  // CRLF line ends, a lower-case `from STDIN`, and the rest of the COPY line is not data.
  const crlf = 'copy t from STDIN; -- rows\r\na\r\n\\.\r\nSELECT 2;';
  assert.deepEqual(describe(crlf), [['copy', 1, 'copy t from STDIN;', 'a\r\n'], ['statement', 4, 'SELECT 2;']]);
  // COPY ... FROM a file has no data block.
  assert.deepEqual(describe("COPY t FROM '/tmp/x';\n\\.\n").map((row) => row[0]), ['statement', 'meta']);
});

test('CREATE RULE keeps its parenthesised action list; elsewhere an unclosed "(" does not swallow the file', () => {
  const rule = 'CREATE OR REPLACE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); UPDATE b SET c = 2;);';
  assert.deepEqual(statements(`${rule}\nSELECT 1;`), [rule, 'SELECT 1;']);
  assert.deepEqual(statements('CREATE TABLE t (a int;\nSELECT 1;'), ['CREATE TABLE t (a int;', 'SELECT 1;']);
});

test('a backslash inside a statement runs to the end of its line and is not a part of its own', () => {
  assert.deepEqual(describe('SELECT 1 \\gset x; not sql\n;\nSELECT 2;').map((row) => row.slice(0, 2)), [['statement', 1], ['statement', 3]]);
  assert.deepEqual(statements('SELECT 1 \\gset x; not sql\n;'), ['SELECT 1 \\gset x; not sql\n;']);
});

test('unterminated text never throws: the rest of the file is one statement', () => {
  assert.deepEqual(describe("SELECT 1;\nSELECT 'open\n; more"), [['statement', 1, 'SELECT 1;'], ['statement', 2, "SELECT 'open\n; more"]]);
  assert.deepEqual(splitSqlScript(''), []);
  assert.deepEqual(describe('COPY t FROM stdin;\n1\n'), [['copy', 1, 'COPY t FROM stdin;', '1\n']]);
  assert.deepEqual(describe('COPY t FROM stdin;'), [['copy', 1, 'COPY t FROM stdin;', '']]);
  for (const sql of ['$$ open', '/* open /* nested */', '"open', "E'open\\'", ';;;', '\\', '-- only a comment']) {
    assert.ok(Array.isArray(splitSqlScript(sql)), sql);
  }
  assert.deepEqual(statements(' -- c\n;;; /* x */ '), []);
});

test('lineCounter: 1-based lines, in or out of order', () => {
  const lineAt = lineCounter('a\nb\n\nc');
  assert.deepEqual([0, 1, 2, 4, 5, 0, 6, 100].map(lineAt), [1, 1, 2, 3, 4, 1, 4, 4]);
});
