// parseDatabaseUrl and redactSecrets over the URL spellings users paste (libpq, SQLAlchemy, asyncpg).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDatabaseUrl } from '../../server/src/db/databaseUrl';
import { redactSecrets } from '../../server/src/db/redact';
import { DatabaseError } from '../../server/src/db/errors';

test('libpq and SQLAlchemy spellings give the same settings', () => {
  for (const scheme of ['postgres', 'postgresql', 'postgresql+psycopg2', 'postgresql+asyncpg', 'postgresql+psycopg', 'postgresql+pg8000']) {
    const parsed = parseDatabaseUrl(`${scheme}://app:s3cret@db.internal:6543/appdb`);
    assert.equal(parsed.host, 'db.internal', scheme);
    assert.equal(parsed.port, 6543);
    assert.equal(parsed.user, 'app');
    assert.equal(parsed.password, 's3cret');
    assert.equal(parsed.database, 'appdb');
    assert.equal(parsed.sslMode, 'prefer', 'libpq defaults to prefer');
    assert.equal(parsed.redacted, 'postgresql://app@db.internal:6543/appdb');
    assert.equal(parsed.target, 'db.internal:6543');
  }
});

test('percent-encoded passwords are decoded, and never reach the redacted form', () => {
  const parsed = parseDatabaseUrl('postgresql://app:p%40ss%2Fw%3Ard%25@localhost/app');
  assert.equal(parsed.password, 'p@ss/w:rd%');
  assert.equal(parsed.port, 5432);
  assert.equal(parsed.redacted, 'postgresql://app@localhost:5432/app');
  // An unencoded '@' in the password: WHATWG takes the last '@' as the end of the user info.
  assert.equal(parseDatabaseUrl('postgresql://app:p@ss@localhost/app').password, 'p@ss');
});

test('sslmode and asyncpg ssl= parameters', () => {
  for (const mode of ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const) {
    const parsed = parseDatabaseUrl(`postgresql://u:pw@h/d?sslmode=${mode}`);
    assert.equal(parsed.sslMode, mode);
    assert.equal(parsed.redacted, `postgresql://u@h:5432/d?sslmode=${mode}`);
  }
  assert.equal(parseDatabaseUrl('postgresql+asyncpg://u:pw@h/d?ssl=require').sslMode, 'require');
  assert.equal(parseDatabaseUrl('postgresql+asyncpg://u:pw@h/d?ssl=true').sslMode, 'require');
  assert.equal(parseDatabaseUrl('postgresql+asyncpg://u:pw@h/d?ssl=false').sslMode, 'disable');
  const files = parseDatabaseUrl('postgresql://u@h/d?sslmode=verify-full&sslrootcert=/etc/ca.pem&sslcert=/c.pem&sslkey=/k.pem');
  assert.deepEqual(files.sslFiles, { rootCert: '/etc/ca.pem', cert: '/c.pem', key: '/k.pem' });
});

test('unix-socket hosts, query-string settings and IPv6', () => {
  const socket = parseDatabaseUrl('postgresql:///app?host=/var/run/postgresql');
  assert.equal(socket.host, '/var/run/postgresql');
  assert.equal(socket.database, 'app');
  assert.equal(socket.target, '/var/run/postgresql');
  assert.equal(socket.redacted, 'postgresql:///app?host=/var/run/postgresql');
  assert.equal(parseDatabaseUrl('postgresql://%2Ftmp%2Fpg/app').host, '/tmp/pg');
  const query = parseDatabaseUrl('postgresql://h/x?user=bob&password=hunter2&dbname=real&port=7777&connect_timeout=1');
  assert.deepEqual([query.user, query.password, query.database, query.port, query.connectTimeoutMs], ['bob', 'hunter2', 'real', 7777, 2000]);
  assert.ok(!query.redacted.includes('hunter2'));
  const ipv6 = parseDatabaseUrl('postgresql://u@[::1]:5433/d');
  assert.equal(ipv6.host, '::1');
  assert.equal(ipv6.target, '[::1]:5433');
  assert.equal(parseDatabaseUrl('postgresql://').host, 'localhost');
});

test('bad URLs fail with bad-url, one line, without the password', () => {
  const bad = [
    'mysql://root:topsecret@h/d',
    'not a url topsecret',
    'postgresql://u:topsecret@h:99999/d',
    'postgresql://u:topsecret@h/d?sslmode=sometimes',
    'postgresql://u:topsecret@h1,h2/d',
    'postgresql://u:top%ZZsecret@h/d',
    'postgresql://u:topsecret@h/d?connect_timeout=soon',
  ];
  for (const url of bad) {
    assert.throws(() => parseDatabaseUrl(url), (error: unknown) => {
      assert.ok(error instanceof DatabaseError, url);
      assert.equal(error.kind, 'bad-url');
      assert.ok(!error.message.includes('topsecret'), error.message);
      assert.ok(!error.message.includes('\n'));
      return true;
    });
  }
});

test('redactSecrets hides URL passwords and password= values in any text', () => {
  assert.equal(redactSecrets('failed: postgresql://app:s3cret@db/app (x)'), 'failed: postgresql://app:***@db/app (x)');
  assert.equal(redactSecrets('postgresql+asyncpg://app:p@ss@db/app'), 'postgresql+asyncpg://app:***@db/app');
  assert.equal(redactSecrets('host=db password=s3cret user=app'), 'host=db password=*** user=app');
  assert.equal(redactSecrets('postgresql://h/d?user=a&password=s3cret&sslmode=require'), 'postgresql://h/d?user=a&password=***&sslmode=require');
  assert.equal(redactSecrets('postgresql://app@db:5432/app'), 'postgresql://app@db:5432/app', 'no password: unchanged');
});
