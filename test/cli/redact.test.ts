// Password scrubbing for everything the CLI prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passwordInUrl, redactSecrets, scrub } from '../../server/src/cli/redact';

test('URL passwords are replaced, users and hosts kept', () => {
  assert.equal(redactSecrets('connect postgresql+psycopg2://app:s3cr3t@db:5432/app failed'), 'connect postgresql+psycopg2://app:***@db:5432/app failed');
  assert.equal(redactSecrets('postgres://u:p@ss@host/db'), 'postgres://u:***@host/db');
  assert.equal(redactSecrets('host=db password=s3cr3t user=app'), 'host=db password=*** user=app');
  assert.equal(redactSecrets('postgres://app@db/app?sslmode=require&password=s3cr3t'), 'postgres://app@db/app?sslmode=require&password=***');
  assert.equal(redactSecrets('postgres://app@db/app'), 'postgres://app@db/app');
});

test('a known password is scrubbed even outside a URL, raw or encoded', () => {
  const spec = 'postgres://app:p%40ss%2Fword@db/app';
  const password = passwordInUrl(spec);
  assert.equal(password, 'p@ss/word');
  assert.equal(scrub('auth failed for p@ss/word and p%40ss%2Fword', [password]), 'auth failed for *** and ***');
  assert.equal(passwordInUrl('postgres://app@db/app'), undefined);
  assert.equal(passwordInUrl(undefined), undefined);
});
