// Secret removal for everything EnumGuard prints, logs or traces (CLI, language server, VS Code client).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passwordInUrl, redactSecrets } from '../../server/src/db/redact';

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
  assert.equal(redactSecrets('auth failed for p@ss/word and p%40ss%2Fword', [password]), 'auth failed for *** and ***');
  assert.equal(passwordInUrl('postgres://app@db/app'), undefined);
  assert.equal(passwordInUrl(undefined), undefined);
});

test('JSON-escaped URLs (LSP traces) and several URLs in one line are redacted too', () => {
  assert.equal(redactSecrets('{"url":"postgres:\\/\\/u:pw@h\\/db"}'), '{"url":"postgres:\\/\\/u:***@h\\/db"}');
  assert.equal(redactSecrets('two postgres://a:x@h1/d and postgres://b:y@h2/d'), 'two postgres://a:***@h1/d and postgres://b:***@h2/d');
  const url = 'postgresql://app:hunter2pw@db/app';
  assert.equal(redactSecrets(`trace: ${JSON.stringify({ url })}`, [url]), 'trace: {"url":"***"}');
});
