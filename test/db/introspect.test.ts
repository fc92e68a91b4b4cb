// introspect() against a real PostgreSQL 15: enum types and label order, schemas, arrays, label counts
// (exact and sampled), non-native VARCHAR columns with a CHECK, alembic_version, and a read-only transaction.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client } from 'pg';
import { introspect, type Queryable } from '../../server/src/db/introspect';
import { loadDatabaseSnapshot } from '../../server/src/db/snapshot';
import { postgresUnavailableReason, startPostgres, withClient, type PostgresServer } from '../support/postgres';

const skip = postgresUnavailableReason();
let server: PostgresServer;
let appUrl: string;
let bareUrl: string;

const schemaSql = [
  `CREATE TYPE userrole AS ENUM ('admin', 'user');
   ALTER TYPE userrole ADD VALUE 'guest' BEFORE 'user';
   CREATE TYPE taskstatus AS ENUM ('todo', 'done', 'archived');
   CREATE TYPE public.level AS ENUM ('x');
   CREATE SCHEMA audit;
   CREATE TYPE audit.level AS ENUM ('low', 'high');
   CREATE SCHEMA other;
   CREATE TYPE other.ignored AS ENUM ('z');
   CREATE TABLE users (id serial PRIMARY KEY, role userrole NOT NULL, "Odd ""Col""" userrole, tags taskstatus[]);
   CREATE TABLE audit.events (id serial, lvl audit.level, roles userrole[]);
   CREATE TABLE tasks (id int, status taskstatus,
     legacy_status varchar(20) CONSTRAINT legacy_status_check CHECK (legacy_status IN ('open', 'closed')), kind text);
   CREATE TABLE big (id int, status taskstatus);
   CREATE TABLE parted (id int, s taskstatus) PARTITION BY LIST (s);
   CREATE TABLE parted_todo PARTITION OF parted FOR VALUES IN ('todo');
   CREATE TABLE parted_rest PARTITION OF parted DEFAULT;
   CREATE TABLE dropped (a userrole, b int);
   ALTER TABLE dropped DROP COLUMN a;
   CREATE VIEW admins AS SELECT role FROM users;
   CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
   INSERT INTO alembic_version VALUES ('ae1027a6acf');`,
  // A second transaction: 'guest' is usable only once ADD VALUE has committed.
  `INSERT INTO users (role, "Odd ""Col""", tags) VALUES
     ('admin', 'guest', '{todo,done}'), ('admin', NULL, NULL), ('user', 'user', '{todo}'),
     ('user', NULL, '{}'), ('user', NULL, NULL), ('guest', NULL, '{todo,todo}');
   INSERT INTO audit.events (lvl, roles) VALUES ('high', '{admin}'), ('low', NULL);
   INSERT INTO tasks VALUES (1, 'todo', 'open', 'a'), (2, 'done', 'closed', 'b'), (3, 'done', NULL, 'c');
   INSERT INTO big SELECT i, (CASE WHEN i % 2 = 0 THEN 'todo' ELSE 'done' END)::taskstatus FROM generate_series(1, 20000) i;
   INSERT INTO parted SELECT i, (CASE WHEN i % 3 = 0 THEN 'todo' ELSE 'archived' END)::taskstatus FROM generate_series(1, 30) i;
   ANALYZE;`,
];

before(async () => {
  if (skip) return;
  server = await startPostgres();
  appUrl = await server.createDatabase('app', schemaSql);
  bareUrl = await server.createDatabase('bare', `CREATE TYPE mood AS ENUM ('sad', 'happy');`);
});
after(async () => server?.stop());

test('enum types with labels in enumsortorder, per requested schema', { skip }, async () => {
  const snapshot = await loadDatabaseSnapshot(appUrl, { root: '.', schemas: ['public', 'audit'] });
  assert.equal(snapshot.source, 'live');
  assert.match(snapshot.serverVersion, /^15\./);
  assert.equal(snapshot.description, `postgresql://postgres@127.0.0.1:${server.port}/app`);
  assert.deepEqual(snapshot.enumTypes, [
    { schema: 'audit', name: 'level', labels: ['low', 'high'] },
    { schema: 'public', name: 'level', labels: ['x'] },
    { schema: 'public', name: 'taskstatus', labels: ['todo', 'done', 'archived'] },
    // 'guest' was added BEFORE 'user': sort order, not creation (oid) order.
    { schema: 'public', name: 'userrole', labels: ['admin', 'guest', 'user'] },
  ]);
  const everything = await loadDatabaseSnapshot(appUrl, { root: '.', schemas: [] });
  assert.ok(everything.enumTypes.some((t) => t.schema === 'other' && t.name === 'ignored'), 'empty schema list = all schemas');
});

test('enum columns, arrays included; views, partitions and dropped columns left out', { skip }, async () => {
  const snapshot = await loadDatabaseSnapshot(appUrl, { root: '.', schemas: ['public', 'audit'] });
  const columns = snapshot.columns.map((c) => `${c.schema}.${c.table}.${c.column}:${c.enumType?.schema}.${c.enumType?.name}${c.isArray ? '[]' : ''}:${c.dataType}`);
  assert.deepEqual(columns.sort(), [
    'audit.events.lvl:audit.level:USER-DEFINED',
    'audit.events.roles:public.userrole[]:ARRAY',
    'public.big.status:public.taskstatus:USER-DEFINED',
    'public.parted.s:public.taskstatus:USER-DEFINED',
    'public.tasks.status:public.taskstatus:USER-DEFINED',
    'public.users.Odd "Col":public.userrole:USER-DEFINED',
    'public.users.role:public.userrole:USER-DEFINED',
    'public.users.tags:public.taskstatus[]:ARRAY',
  ]);
});

test('exact label counts per column (arrays count elements), odd identifiers quoted', { skip }, async () => {
  const snapshot = await loadDatabaseSnapshot(appUrl, { root: '.', schemas: ['public', 'audit'] });
  const counts = (table: string, column: string) => snapshot.labelCounts.find((c) => c.table === table && c.column === column);
  assert.deepEqual(counts('users', 'role'), { schema: 'public', table: 'users', column: 'role', counts: { user: 3, admin: 2, guest: 1 }, totalRows: 6, exact: true });
  assert.deepEqual(counts('users', 'Odd "Col"')?.counts, { guest: 1, user: 1 });
  assert.deepEqual(counts('users', 'tags')?.counts, { todo: 4, done: 1 });
  assert.equal(counts('users', 'tags')?.totalRows, 6);
  assert.deepEqual(counts('parted', 's'), { schema: 'public', table: 'parted', column: 's', counts: { archived: 20, todo: 10 }, totalRows: 30, exact: true });
  assert.deepEqual(counts('events', 'roles')?.counts, { admin: 1 });
  assert.equal(snapshot.notes, undefined);
});

test('tables above the row cap get a sampled, scaled estimate marked exact:false', { skip }, async (t) => {
  const snapshot = await loadDatabaseSnapshot(appUrl, { root: '.', schemas: ['public'], rowCountCap: 2000 });
  const big = snapshot.labelCounts.find((c) => c.table === 'big');
  assert.ok(big);
  assert.equal(big.exact, false);
  assert.equal(big.totalRows, 20000, 'pg_class.reltuples after ANALYZE');
  t.diagnostic(`sampled counts: ${JSON.stringify(big.counts)}`);
  assert.deepEqual(Object.keys(big.counts).sort(), ['done', 'todo']);
  const sum = big.counts.todo + big.counts.done;
  assert.ok(Math.abs(sum - 20000) <= 2, `scaled counts add up to the estimate (${sum})`);
  assert.ok(big.counts.todo > 7000 && big.counts.todo < 13000, `about half todo (${big.counts.todo})`);
  assert.ok(snapshot.notes?.some((n) => n.startsWith('public.big.status: ~20000 rows') && n.includes('sample')), JSON.stringify(snapshot.notes));
  // Small tables stay exact under the same cap.
  assert.equal(snapshot.labelCounts.find((c) => c.table === 'users' && c.column === 'role')?.exact, true);
});

test('VARCHAR columns of interest: type, length, CHECK labels and counts', { skip }, async () => {
  const snapshot = await loadDatabaseSnapshot(appUrl, {
    root: '.', schemas: ['public', 'audit'],
    columnsOfInterest: [
      { table: 'tasks', column: 'legacy_status' },
      { schema: 'public', table: 'tasks', column: 'kind' },
      { table: 'tasks', column: 'missing_column' },
      { table: 'users', column: 'role' },
    ],
  });
  const legacy = snapshot.columns.find((c) => c.column === 'legacy_status');
  assert.deepEqual(legacy, {
    schema: 'public', table: 'tasks', column: 'legacy_status', enumType: undefined, isArray: false,
    dataType: 'character varying', maxLength: 20, checkLabels: ['open', 'closed'],
  });
  const kind = snapshot.columns.find((c) => c.column === 'kind');
  assert.equal(kind?.dataType, 'text');
  assert.equal(kind?.checkLabels, undefined);
  assert.ok(!snapshot.columns.some((c) => c.column === 'missing_column'));
  assert.equal(snapshot.columns.filter((c) => c.table === 'users' && c.column === 'role').length, 1, 'an enum column of interest is not listed twice');
  const legacyCounts = snapshot.labelCounts.find((c) => c.column === 'legacy_status');
  assert.deepEqual(legacyCounts?.counts, { closed: 1, open: 1 });
  assert.equal(legacyCounts?.totalRows, 3);
});

test('alembic_version present and absent', { skip }, async () => {
  assert.deepEqual((await loadDatabaseSnapshot(appUrl, { root: '.', schemas: ['public'] })).alembicVersions, ['ae1027a6acf']);
  const bare = await loadDatabaseSnapshot(bareUrl, { root: '.', schemas: ['public'] });
  assert.equal(bare.alembicVersions, null);
  assert.deepEqual(bare.enumTypes, [{ schema: 'public', name: 'mood', labels: ['sad', 'happy'] }]);
  assert.deepEqual(bare.columns, []);
});

test('everything runs in one READ ONLY transaction: a write slipped into it fails, and it is rolled back', { skip }, async () => {
  const client = new Client({ connectionString: appUrl });
  await client.connect();
  const sent: string[] = [];
  let writeError: { code?: string } | undefined;
  // A plain connection (no default_transaction_read_only), so only introspect's own BEGIN can make it read-only.
  const spy: Queryable = {
    async query(sql, params) {
      sent.push(sql.trim().split('\n').find((l) => !l.startsWith('--')) ?? sql);
      if (/^ROLLBACK$/.test(sql)) {
        // Inside introspect's transaction, just before it ends: this write must be refused.
        await client.query(`INSERT INTO tasks VALUES (99, 'todo', 'open', 'sneaky')`).catch((error) => { writeError = error; });
      }
      return client.query(sql, params as unknown[]);
    },
  };
  try {
    await introspect(spy, { schemas: ['public'], source: 'live', description: 'test' });
    assert.equal(sent[0], 'BEGIN TRANSACTION READ ONLY');
    assert.match(sent[1], /^SET LOCAL statement_timeout = 5000$/);
    assert.equal(sent.at(-1), 'ROLLBACK');
    assert.equal(sent.filter((s) => /^(BEGIN|COMMIT|ROLLBACK|END)\b/.test(s)).length, 2, 'one transaction, never committed');
    assert.equal(writeError?.code, '25006', 'cannot execute INSERT in a read-only transaction');
    const { rows } = await client.query('SELECT count(*)::int AS n FROM tasks');
    assert.equal(rows[0].n, 3);
    const state = await client.query('SHOW transaction_read_only');
    assert.equal(state.rows[0].transaction_read_only, 'off', 'the transaction ended: the session is back to normal');
  } finally {
    await client.end();
  }
});

test('the live connection is closed after a snapshot, also after a failed one', { skip }, async () => {
  const enumguardSessions = () => withClient(server.urlFor('postgres'), async (c) => {
    // A backend leaves pg_stat_activity a moment after its client hangs up: poll briefly.
    for (let i = 0; i < 40; i++) {
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'enumguard'`);
      if (rows[0].n === 0) return 0;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return -1;
  });
  await loadDatabaseSnapshot(appUrl, { root: '.', schemas: ['public'] });
  assert.equal(await enumguardSessions(), 0);
  await withClient(server.urlFor('app'), async (locker) => {
    await locker.query('BEGIN; LOCK TABLE pg_catalog.pg_enum IN ACCESS EXCLUSIVE MODE');
    await assert.rejects(loadDatabaseSnapshot(appUrl, { root: '.', schemas: ['public'], statementTimeoutMs: 200 }), { kind: 'timeout' });
    await locker.query('ROLLBACK');
  });
  assert.equal(await enumguardSessions(), 0);
});
