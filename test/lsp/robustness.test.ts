// Protocol test: the server survives what real workspaces and half-typed code throw at it — a binary .py file,
// a 10 MB model file, deleting half a line, emptying a file — and diagnostics keep flowing afterwards.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { copyWorkspace, LspTestClient } from './support/lspTestClient';

let client: LspTestClient;
const models = 'app/models.py';
const roleLine = () => client.text(models).split('\n').findIndex((l) => l.includes('role: Mapped[UserRole]'));
const roleFinding = (list: Diagnostic[]) => list.some((d) => d.code === 'persist-mismatch' && d.range.start.line === roleLine());

before(async () => {
  const root = copyWorkspace('examples/broken-auth');
  // Bytes that are not UTF-8 (and a NUL) in a file with a .py suffix.
  fs.writeFileSync(path.join(root, 'app', 'blob.py'), Buffer.from([0x00, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xc3]));
  // A 10 MB generated module that mentions Enum (so no cheap pre-filter skips it).
  const chunk = 'from sqlalchemy import Enum\n' + 'VALUE_%d = "x" * 40  # Enum filler line\n';
  let big = '';
  for (let i = 0; big.length < 10 * 1024 * 1024; i++) big += chunk.replace('%d', String(i));
  fs.writeFileSync(path.join(root, 'app', 'generated_big.py'), big);
  client = await LspTestClient.start(root);
});
after(async () => client?.stop());

test('indexing a workspace with a binary and a 10 MB file still publishes the findings', async () => {
  client.open(models);
  await client.waitForDiagnostics(models, 'persist-mismatch on User.role', roleFinding, 60000);
  assert.equal(client.exited, false);
});

test('deleting half a line, then restoring it, never crashes and diagnostics keep flowing', async () => {
  const line = roleLine();
  const text = client.text(models).split('\n')[line];
  const half = Math.floor(text.length / 2);
  client.change(models, [{ range: { start: { line, character: half }, end: { line, character: text.length } }, newText: '' }]);
  // Half a declaration: whatever the engine makes of it, the server answers requests and publishes.
  const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri(models) }, position: { line, character: 2 } });
  assert.ok(hover === null || typeof hover === 'object');
  await client.waitForDiagnostics(models, 'the broken line no longer has the finding', (list) => !roleFinding(list));
  client.change(models, [{ range: { start: { line, character: half }, end: { line, character: half } }, newText: text.slice(half) }]);
  await client.waitForDiagnostics(models, 'the finding back after restoring the line', roleFinding);
  assert.equal(client.exited, false);
});

test('typing character by character (a burst of edits) is debounced into a correct final state', async () => {
  const line = roleLine();
  const text = client.text(models).split('\n')[line];
  const at = text.indexOf('Enum(UserRole)') + 'Enum(UserRole'.length;
  const insertion = ', values_callable=lambda x: [e.value for e in x]';
  for (let i = 0; i < insertion.length; i++) {
    client.change(models, [{ range: { start: { line, character: at + i }, end: { line, character: at + i } }, newText: insertion[i] }]);
  }
  await client.waitForDiagnostics(models, 'User.role clean after typing values_callable', (list) => !roleFinding(list));
});

test('emptying the file and requesting every feature on it answers without errors', async () => {
  const document = client.text(models);
  const lines = document.split('\n');
  client.change(models, [{ range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines.at(-1)!.length } }, newText: '' }]);
  await client.waitForDiagnostics(models, 'no findings in an empty file', (list) => !list.some((d) => d.code === 'persist-mismatch'));
  const uri = client.uri(models);
  assert.deepEqual(await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }), []);
  assert.deepEqual(await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 5, character: 3 } }), []);
  assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
  client.change(models, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: document }]);
  await client.waitForDiagnostics(models, 'findings back', (list) => list.some((d) => d.code === 'persist-mismatch'));
  assert.equal(client.exited, false);
  assert.ok(!client.logs.some((l) => /uncaught|unhandled/.test(l)), client.logs.join('\n'));
});
