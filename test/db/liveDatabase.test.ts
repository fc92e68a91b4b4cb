// Connecting to a real PostgreSQL 15 with the URLs users paste, and every way it can go wrong: each failure is
// a DatabaseError of the right kind with a one-line message that never contains the password.
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { after, before, test } from 'node:test';
import { DatabaseError } from '../../server/src/db/errors';
import { openLiveDatabase } from '../../server/src/db/liveDatabase';
import { loadDatabaseSnapshot } from '../../server/src/db/snapshot';
import { postgresUnavailableReason, startPostgres, withClient, type PostgresServer } from '../support/postgres';

const skip = postgresUnavailableReason();
let server: PostgresServer;
const oddPassword = 'p@ss/w:rd%#?';

before(async () => {
  if (skip) return;
  server = await startPostgres();
  await server.createDatabase('app', [
    `CREATE TYPE userrole AS ENUM ('admin', 'user');
     CREATE TABLE users (id int, role userrole);
     INSERT INTO users VALUES (1, 'admin'), (2, 'user');`,
  ]);
  await withClient(server.superuserUrl, (c) => c.query(`CREATE ROLE odd LOGIN PASSWORD '${oddPassword}'`));
});
after(async () => server?.stop());

const options = { root: '.', schemas: ['public'] };

/** Runs `load`, expects a DatabaseError of `kind`, checks it is one line without secrets, returns its message. */
async function expectFailure(load: Promise<unknown>, kind: DatabaseError['kind'], secrets: string[]): Promise<string> {
  try {
    await load;
  } catch (error) {
    assert.ok(error instanceof DatabaseError, `a DatabaseError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    assert.ok(!error.message.includes('\n'), 'one line');
    assert.ok(!/\bat .*\.(ts|js):\d+/.test(error.message), 'no stack');
    for (const secret of secrets) assert.ok(!error.message.includes(secret), `no secret in: ${error.message}`);
    return error.message;
  }
  assert.fail(`expected a ${kind} DatabaseError`);
}

test('SQLAlchemy and libpq URL forms all connect (sslmode=prefer falls back to plain TCP here)', { skip }, async () => {
  const { password, port } = server;
  const urls = [
    `postgresql+psycopg2://postgres:${password}@127.0.0.1:${port}/app`,
    `postgresql+asyncpg://postgres:${password}@127.0.0.1:${port}/app?ssl=disable`,
    `postgresql+psycopg://postgres:${password}@127.0.0.1:${port}/app`,
    `postgres://postgres:${password}@127.0.0.1:${port}/app?sslmode=disable`,
    `postgresql://postgres:${password}@127.0.0.1:${port}/app?sslmode=allow`,
    `postgresql://odd:${encodeURIComponent(oddPassword)}@127.0.0.1:${port}/app`,
    `postgresql:///app?host=${encodeURIComponent(server.socketDir)}&port=${port}&user=postgres&password=${password}`,
  ];
  for (const url of urls) {
    const snapshot = await loadDatabaseSnapshot(url, options);
    assert.deepEqual(snapshot.enumTypes, [{ schema: 'public', name: 'userrole', labels: ['admin', 'user'] }], url);
    assert.ok(!snapshot.description.includes(password) && !snapshot.description.includes(oddPassword));
  }
});

test('the session is read-only and named enumguard', { skip }, async () => {
  const live = await openLiveDatabase(server.urlFor('app'), { connectTimeoutMs: 5000, statementTimeoutMs: 5000 });
  try {
    const { rows } = await live.db.query(`SELECT current_setting('default_transaction_read_only') AS ro, current_setting('application_name') AS app`);
    assert.deepEqual(rows[0], { ro: 'on', app: 'enumguard' });
    await assert.rejects(live.db.query(`INSERT INTO users VALUES (3, 'user')`), { code: '25006' });
  } finally {
    await live.close();
  }
});

test('closed port: unreachable, says what to check', { skip }, async () => {
  const closed = await freePort();
  const message = await expectFailure(loadDatabaseSnapshot(`postgresql://postgres:topsecret@127.0.0.1:${closed}/app`, options), 'unreachable', ['topsecret']);
  assert.equal(message, `cannot reach 127.0.0.1:${closed} (connection refused): is PostgreSQL running and the port right?`);
});

test('wrong password: auth', { skip }, async () => {
  const message = await expectFailure(
    loadDatabaseSnapshot(`postgresql://postgres:wrong-topsecret@127.0.0.1:${server.port}/app`, options), 'auth', ['wrong-topsecret', server.password]);
  assert.equal(message, `password authentication failed for user "postgres" (at 127.0.0.1:${server.port}): check the user name and password in the database URL`);
});

test('missing database: no-database', { skip }, async () => {
  const message = await expectFailure(loadDatabaseSnapshot(server.urlFor('nope'), options), 'no-database', [server.password]);
  assert.equal(message, `database "nope" does not exist at 127.0.0.1:${server.port}: check the database name in the URL`);
});

test('sslmode=require against a server without TLS: a clear message', { skip }, async () => {
  const message = await expectFailure(loadDatabaseSnapshot(`${server.urlFor('app')}?sslmode=require`, options), 'other', [server.password]);
  assert.equal(message, `127.0.0.1:${server.port} does not support SSL: use sslmode=prefer or sslmode=disable`);
});

test('a server that accepts TCP but never answers: connect timeout', { skip }, async (t) => {
  const sockets: net.Socket[] = [];
  const silent = net.createServer((socket) => { sockets.push(socket); });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const port = (silent.address() as net.AddressInfo).port;
  try {
    const started = Date.now();
    const message = await expectFailure(
      loadDatabaseSnapshot(`postgresql://postgres:topsecret@127.0.0.1:${port}/app`, { ...options, connectTimeoutMs: 400 }), 'timeout', ['topsecret']);
    const elapsed = Date.now() - started;
    t.diagnostic(`gave up after ${elapsed} ms`);
    assert.ok(sockets.length >= 1, 'the connection was accepted');
    assert.ok(elapsed < 3000, `bounded by the connect timeout (${elapsed} ms)`);
    assert.equal(message, `connecting to 127.0.0.1:${port} timed out after 400 ms: the server accepted the connection but did not answer; is it PostgreSQL, and is it overloaded?`);
  } finally {
    for (const socket of sockets) socket.destroy();
    silent.close();
  }
});

test('a table locked by another session: its counts degrade to a note, the rest is read', { skip }, async () => {
  await withClient(server.urlFor('app'), async (locker) => {
    await locker.query('BEGIN; LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
    try {
      const snapshot = await loadDatabaseSnapshot(server.urlFor('app'), { ...options, statementTimeoutMs: 300 });
      assert.deepEqual(snapshot.enumTypes.map((e) => e.name), ['userrole']);
      assert.deepEqual(snapshot.columns.map((c) => c.column), ['role']);
      assert.deepEqual(snapshot.labelCounts, []);
      assert.deepEqual(snapshot.notes, ['public.users.role: label counts skipped, the count ran past the statement timeout (a lock or a large table)']);
    } finally {
      await locker.query('ROLLBACK');
    }
  });
});

test('a catalog locked by another session: the snapshot fails with timeout', { skip }, async () => {
  await withClient(server.urlFor('app'), async (locker) => {
    await locker.query('BEGIN; LOCK TABLE pg_catalog.pg_enum IN ACCESS EXCLUSIVE MODE');
    try {
      const message = await expectFailure(
        loadDatabaseSnapshot(server.urlFor('app'), { ...options, statementTimeoutMs: 300 }), 'timeout', [server.password]);
      assert.equal(message, `a query at 127.0.0.1:${server.port} ran past the statement timeout (300 ms): a lock or a busy server blocks it; retry later or raise the timeout`);
    } finally {
      await locker.query('ROLLBACK');
    }
  });
});

test('bad URLs fail before any connection', async () => {
  await expectFailure(loadDatabaseSnapshot('mysql://root:topsecret@localhost/app', options), 'bad-url', ['topsecret']);
});

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
