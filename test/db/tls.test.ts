// sslmode against a real PostgreSQL 15 serving TLS with a self-signed certificate: which modes encrypt,
// which verify, and the message when verification fails.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DatabaseError } from '../../server/src/db/errors';
import { openLiveDatabase } from '../../server/src/db/liveDatabase';
import { postgresUnavailableReason, startPostgres, type PostgresServer } from '../support/postgres';

const skip = postgresUnavailableReason();
let server: PostgresServer;

before(async () => {
  if (skip) return;
  server = await startPostgres({ ssl: true });
});
after(async () => server?.stop());

/** Connects with `query` appended to the URL and says whether the session is encrypted. */
async function encrypted(query: string): Promise<boolean> {
  const live = await openLiveDatabase(`${server.superuserUrl}${query}`, { connectTimeoutMs: 5000, statementTimeoutMs: 5000 });
  try {
    const { rows } = await live.db.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
    return rows[0].ssl;
  } finally {
    await live.close();
  }
}

test('prefer (the default), require and allow/disable behave as libpq does', { skip }, async () => {
  assert.equal(await encrypted(''), true, 'prefer uses TLS when the server offers it');
  assert.equal(await encrypted('?sslmode=require'), true);
  assert.equal(await encrypted('?sslmode=allow'), false, 'allow tries plain first');
  assert.equal(await encrypted('?sslmode=disable'), false);
  assert.equal(await encrypted('?ssl=require'), true, "asyncpg's spelling");
});

test('verify-full and verify-ca check the certificate against sslrootcert', { skip }, async () => {
  const rootCert = `sslrootcert=${encodeURIComponent(server.certificateFile!)}`;
  assert.equal(await encrypted(`?sslmode=verify-full&${rootCert}`), true);
  assert.equal(await encrypted(`?sslmode=verify-ca&${rootCert}`), true);
  await assert.rejects(encrypted('?sslmode=verify-full'), (error: unknown) => {
    assert.ok(error instanceof DatabaseError);
    assert.equal(error.kind, 'auth');
    assert.equal(error.message, `the server certificate of 127.0.0.1:${server.port} is not trusted (self-signed certificate): give sslrootcert=, or use sslmode=require to skip verification`);
    assert.ok(!error.message.includes(server.password));
    return true;
  });
});
