// The embedded default: a real pg_dump file (test/fixtures/db/dump.sql, made by regenerateDumpFixture.ts)
// loaded into PGlite, introspected like a live server, and started again from the kept data folder.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { openEmbeddedDatabase, pgliteVersion } from '../../server/src/db/embeddedDatabase';
import { DatabaseError } from '../../server/src/db/errors';
import { loadDatabaseSnapshot } from '../../server/src/db/snapshot';

const root = path.join(__dirname, '..', 'fixtures', 'db');
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'enumguard-cache-'));
after(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

const options = {
  root, cacheDir, schemas: ['public', 'audit'],
  columnsOfInterest: [{ table: 'tasks', column: 'status' }],
};

test('a pg_dump file loads into PGlite and reads like a live database; the second start uses the kept folder', async (t) => {
  let started = Date.now();
  const first = await loadDatabaseSnapshot('file:dump.sql', options);
  const firstMs = Date.now() - started;
  started = Date.now();
  const second = await loadDatabaseSnapshot('file:dump.sql', options);
  const secondMs = Date.now() - started;
  t.diagnostic(`first run (initdb + load + keep): ${firstMs} ms; second run (kept folder): ${secondMs} ms`);
  assert.deepEqual(second, first, 'the kept folder holds exactly what the load produced');

  assert.equal(first.source, 'embedded');
  assert.equal(first.description, 'dump.sql (embedded)');
  assert.match(first.serverVersion, /^18\./);
  assert.deepEqual(first.enumTypes, [
    { schema: 'audit', name: 'level', labels: ['low', 'high'] },
    { schema: 'public', name: 'userrole', labels: ['admin', 'guest', 'user'] },
    { schema: 'public', name: 'userstatus', labels: ['active', 'pending_approval'] },
  ]);
  assert.deepEqual(first.columns.find((c) => c.column === 'roles_history'), {
    schema: 'public', table: 'users', column: 'roles_history', enumType: { schema: 'public', name: 'userrole' }, isArray: true, dataType: 'ARRAY',
  });
  assert.deepEqual(first.columns.find((c) => c.table === 'tasks')?.checkLabels, ['todo', 'in_progress', 'done']);
  const counts = Object.fromEntries(first.labelCounts.map((c) => [`${c.schema}.${c.table}.${c.column}`, c.counts]));
  assert.deepEqual(counts, {
    'audit.events.lvl': { high: 2, low: 1 },
    'public.users.role': { user: 3, admin: 2, guest: 1 },
    'public.users.status': { active: 4, pending_approval: 1 },
    'public.users.roles_history': { guest: 2, user: 2, admin: 1 },
    'public.tasks.status': { done: 2, todo: 1 },
  });
  assert.ok(first.labelCounts.every((c) => c.exact));
  assert.deepEqual(first.alembicVersions, ['3f2a1b9c0d4e']);
  // pg_dump names roles and an extension the embedded server lacks: adapted, and said so.
  assert.deepEqual(first.notes, [
    'dump.sql:34: extension "pgcrypto" is not available in the embedded PostgreSQL; skipped',
    'dump.sql: created roles missing from the embedded PostgreSQL: app_owner, app_reader',
  ]);
});

test('COPY rows keep tabs, backslashes, newlines, NULLs and a literal \\. value', async () => {
  const embedded = await openEmbeddedDatabase(path.join(root, 'dump.sql'), { cacheDir });
  try {
    assert.equal(embedded.fromCache, true, 'the previous test kept the folder');
    const { rows } = await embedded.db.query('SELECT email, note FROM public.users ORDER BY id');
    assert.deepEqual(rows.map((r) => r.note), ['tab\there; back\\slash', null, 'two\nlines', '', '\\.', 'guest']);
    assert.equal(rows[0].email, 'a@example.com', 'the trigger ran at the source; data is loaded as dumped');
    const owner = await embedded.db.query(`SELECT pg_get_userbyid(typowner) AS owner FROM pg_type WHERE typname = 'userrole'`);
    assert.equal(owner.rows[0].owner, 'app_owner');
  } finally {
    await embedded.close();
  }
});

test('a failing statement is reported as file:line with the server message', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enumguard-schema-'));
  try {
    fs.writeFileSync(path.join(dir, 'schema.sql'), [
      '\\connect app',
      "CREATE TYPE mood AS ENUM ('sad', 'happy');",
      'CREATE TABLE people (',
      '  id int,',
      '  feeling moood',
      ');',
    ].join('\n'));
    await assert.rejects(loadDatabaseSnapshot('file:schema.sql', { root: dir, cacheDir, schemas: ['public'] }), (error: unknown) => {
      assert.ok(error instanceof DatabaseError);
      assert.equal(error.kind, 'schema-file');
      assert.equal(error.message, 'schema.sql:5: type "moood" does not exist');
      return true;
    });
    await assert.rejects(loadDatabaseSnapshot('file:missing.sql', { root: dir, cacheDir, schemas: ['public'] }),
      { kind: 'schema-file', message: 'missing.sql: file not found' });

    fs.writeFileSync(path.join(dir, 'ok.sql'), "\\connect app\nCREATE TYPE mood AS ENUM ('sad', 'happy');\n");
    const started = Date.now();
    const snapshot = await loadDatabaseSnapshot('file:ok.sql', { root: dir, cacheDir, schemas: ['public'] });
    t.diagnostic(`a new schema file, started from the kept empty cluster (no initdb): ${Date.now() - started} ms`);
    assert.deepEqual(snapshot.enumTypes, [{ schema: 'public', name: 'mood', labels: ['sad', 'happy'] }]);
    assert.deepEqual(snapshot.notes, ['ok.sql: psql meta-commands skipped: \\connect (line 1)']);
    assert.equal(snapshot.alembicVersions, null);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the cache key names the installed PGlite version', () => {
  const installed = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'));
  assert.equal(pgliteVersion, installed.version);
});
