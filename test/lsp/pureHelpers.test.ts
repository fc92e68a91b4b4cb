// Unit tests for the pure pieces behind the server and client: secret redaction, settings vs config precedence,
// label alignment for hover/CodeLens, and escaping in the enum map webview.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { enumMapHtml } from '../../client/src/panel/enumMapHtml';
import { loadConfig } from '../../server/src/core/config/config';
import type { EnumTypeModel } from '../../server/src/core/model/analysis';
import { buildEnumTable } from '../../server/src/lsp/enumTable';
import { redactSecrets } from '../../server/src/db/redact';
import { resolveDatabaseSpec } from '../../server/src/session/databaseUrl';
import { mergeSettingsIntoConfig, sanitizeSettings } from '../../server/src/session/editorSettings';

test('redactSecrets removes known URLs and any URL password', () => {
  const url = 'postgresql+psycopg2://app:hunter2pw@db:5432/app';
  assert.equal(redactSecrets(`failed for ${url}`, [url]), 'failed for ***');
  assert.equal(redactSecrets('postgres://u:p4ss@h/db?password=zz'), 'postgres://u:***@h/db?password=***');
});

test('database URL order: editor, then ENUMGUARD_DATABASE_URL, then the config variable; a failing editor is no URL', async () => {
  const config = { include: [], exclude: [], schemas: ['public'], rules: {}, databaseUrlEnv: 'APP_DB' };
  assert.deepEqual(await resolveDatabaseSpec(async () => 'postgres://e', config, { ENUMGUARD_DATABASE_URL: 'postgres://x' }), { spec: 'postgres://e', origin: 'editor' });
  assert.equal((await resolveDatabaseSpec(async () => { throw new Error('no handler'); }, config, { ENUMGUARD_DATABASE_URL: 'postgres://x' }))?.origin, 'ENUMGUARD_DATABASE_URL');
  assert.equal((await resolveDatabaseSpec(async () => undefined, config, { APP_DB: 'postgres://y' }))?.spec, 'postgres://y');
  assert.equal(await resolveDatabaseSpec(async () => undefined, config, {}), undefined);
});

test('enumguard.config.json wins over settings for every key it sets; settings fill the rest', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'enumguard-settings-'));
  fs.writeFileSync(path.join(root, 'enumguard.config.json'), JSON.stringify({ rules: { 'persist-mismatch': 'warning' } }));
  const loaded = loadConfig(root);
  const settings = sanitizeSettings({ rules: { 'persist-mismatch': 'off' }, schemas: ['audit'], checkOn: 'bogus', debounceMs: -5 });
  assert.equal(settings.checkOn, 'type');
  assert.equal(settings.debounceMs, 0);
  const merged = mergeSettingsIntoConfig(root, loaded.config, loaded.file, settings);
  assert.deepEqual(merged.config.rules, { 'persist-mismatch': 'warning' });
  assert.deepEqual(merged.config.schemas, ['audit']);
  const bad = mergeSettingsIntoConfig(root, loaded.config, undefined, sanitizeSettings({ rules: { 'no-such-rule': 'error' } }));
  assert.equal(bad.warnings.length, 1);
  fs.rmSync(root, { recursive: true });
});

test('buildEnumTable lines ADMIN up with admin, keeps extra labels and counts rows', () => {
  const type = {
    key: 'userrole', type: { schema: 'public', name: 'userrole' },
    orm: [{ binding: { attribute: 'User.role' }, persisted: { ok: true, labels: ['ADMIN', 'USER'] }, typeName: { schema: 'public', name: 'userrole' } }],
    migrations: { labels: ['admin', 'user'] },
    database: { schema: 'public', name: 'userrole', labels: ['admin', 'user', 'guest'] },
    dbColumns: [],
    labelCounts: [{ schema: 'public', table: 'users', column: 'role', counts: { admin: 1, user: 5, guest: 2 }, totalRows: 8, exact: true }],
  } as unknown as EnumTypeModel;
  const table = buildEnumTable(type);
  assert.deepEqual(table.rows.map((r) => [r.orm, r.migrations, r.database, r.rows, r.mismatch]), [
    ['ADMIN', 'admin', 'admin', 1, true],
    ['USER', 'user', 'user', 5, true],
    [undefined, undefined, 'guest', 2, true],
  ]);
  assert.equal(table.mismatches, 3);
});

test('the enum map HTML escapes labels and runs only nonce-carrying scripts', () => {
  const html = enumMapHtml({
    status: { connected: 'none', description: 'no <db>', errors: 0, warnings: 0 },
    types: [{ folderUri: 'file:///w', key: 'x<script>', orm: [], rows: {}, findings: [], database: { labels: ['<img src=x onerror=alert(1)>'] } }],
  }, 'NONCE123', 'vscode-resource:');
  assert.ok(!html.includes('<img src=x'));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.match(html, /script-src 'nonce-NONCE123'/);
  assert.equal((html.match(/<script(?![^>]*nonce="NONCE123")/g) ?? []).length, 0);
});
