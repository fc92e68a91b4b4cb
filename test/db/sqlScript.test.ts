// splitSqlScript: statements with their lines, whatever quoting, comments and COPY blocks a dump holds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSqlScript } from '../../server/src/db/sqlScript';

test('statements, quotes, dollar quotes, comments and meta-commands', () => {
  const script = [
    '\\restrict abc',                                   // 1
    'SET a = 1; -- trailing; comment',                  // 2
    "INSERT INTO t VALUES ('x;y', E'it\\'s;', \"q;\");", // 3
    '/* block; /* nested; */ still */ CREATE FUNCTION f() RETURNS int AS $fn$', // 4
    '  SELECT 1; $x$ not the end $x$;',                 // 5
    '$fn$ LANGUAGE sql;',                               // 6
    '\\connect other',                                  // 7
    'SELECT $1, a$b FROM t',                            // 8 (no semicolon at the end of the file)
  ].join('\n');
  const items = splitSqlScript(script);
  assert.deepEqual(items.map((i) => [i.kind, i.line]), [
    ['meta', 1], ['statement', 2], ['statement', 3], ['statement', 4], ['meta', 7], ['statement', 8],
  ]);
  assert.equal(items[2].kind === 'statement' && items[2].sql, "INSERT INTO t VALUES ('x;y', E'it\\'s;', \"q;\")");
  assert.ok(items[3].kind === 'statement' && items[3].sql.endsWith('$fn$ LANGUAGE sql'));
  assert.equal(items[4].kind === 'meta' && items[4].command, '\\connect other');
});

test('COPY FROM stdin keeps its rows up to the \\. line', () => {
  const script = 'COPY t (a, b) FROM stdin;\n1\tx;y\n2\t\\N\n\\.\nSELECT 1;\n';
  const items = splitSqlScript(script);
  assert.deepEqual(items, [
    { kind: 'copy', sql: 'COPY t (a, b) FROM stdin', data: '1\tx;y\n2\t\\N\n', line: 1 },
    { kind: 'statement', sql: 'SELECT 1', line: 5 },
  ]);
});

test('unterminated text never throws: the rest of the file is one statement', () => {
  const items = splitSqlScript("SELECT 1;\nSELECT 'open\n; more");
  assert.equal(items.length, 2);
  assert.equal(items[1].line, 2);
  assert.deepEqual(splitSqlScript(''), []);
  assert.deepEqual(splitSqlScript('COPY t FROM stdin;\n1\n').map((i) => i.kind), ['copy']);
});
