// The SARIF reporter: valid against the official SARIF 2.1.0 schema (ajv) and clean under Microsoft's own SARIF
// validator, with the regions, rules, related locations, fixes and notifications code-scanning viewers read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderSarif, sarifReport } from '../../server/src/cli/report/sarif';
import { cleanAnalysis, incidentAnalysis } from './incidentAnalysis';
import { multitoolBinary, sarifValidator } from './sarifSchema';

const input = (analysis = incidentAnalysis()) => ({ analysis, root: '/abs/broken auth', filesIndexed: 23, elapsedMs: 412, toolVersion: '9.8.7' });

test('valid against the SARIF 2.1.0 schema, with and without findings', () => {
  const validate = sarifValidator();
  for (const analysis of [incidentAnalysis(), cleanAnalysis()]) {
    const log = JSON.parse(renderSarif(input(analysis)));
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  }
});

test('the schema check is real: a broken log is rejected', () => {
  const validate = sarifValidator();
  const log = sarifReport(input()) as any;
  log.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0;
  delete log.runs[0].results[1].message;
  log.runs[0].tool.driver.rules[0].defaultConfiguration.level = 'fatal';
  assert.equal(validate(log), false);
  const paths = (validate.errors ?? []).map((error) => error.instancePath);
  assert.ok(paths.includes('/runs/0/results/0/locations/0/physicalLocation/region/startColumn'), paths.join('\n'));
  assert.ok(paths.includes('/runs/0/tool/driver/rules/0/defaultConfiguration/level'), paths.join('\n'));
});

test("Microsoft's SARIF validator (Sarif.Multitool validate) reports nothing, and does catch a broken log", (t) => {
  const binary = multitoolBinary();
  if (!binary) {
    t.skip('NOTICE: no Sarif.Multitool build for this platform; only the schema check ran');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enumguard-sarif-'));
  const validateFile = (log: unknown) => {
    const file = path.join(dir, `log${Math.random().toString(36).slice(2)}.sarif`);
    fs.writeFileSync(file, JSON.stringify(log, null, 2));
    const out = `${file}.validation.sarif`;
    const run = spawnSync(binary, ['validate', file, '-o', out, '--quiet'], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    const results = JSON.parse(fs.readFileSync(out, 'utf8')).runs[0].results ?? [];
    return results.map((r: any) => `${r.level ?? 'warning'} ${r.ruleId} ${(r.message.arguments ?? []).join(' | ')}`);
  };
  try {
    assert.deepEqual(validateFile(sarifReport(input())), []);
    const broken = sarifReport(input()) as any;
    broken.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0;
    assert.ok(validateFile(broken).some((line: string) => line.includes('startColumn')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('rules, results, regions (1-based, endColumn exclusive), related locations and fixes', () => {
  const run = sarifReport(input()).runs[0];
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///abs/broken%20auth/');
  const rules = run.tool.driver.rules;
  assert.deepEqual(rules.map((rule) => rule.id), ['persist-mismatch', 'unloadable-rows', 'bad-values-callable', 'type-name-mismatch', 'missing-type', 'migration-drift', 'alembic-version-behind']);
  assert.deepEqual(rules.map((rule) => rule.defaultConfiguration.level), ['error', 'error', 'error', 'warning', 'error', 'error', 'warning']);
  for (const rule of rules) assert.ok(rule.helpUri.endsWith(`docs/rules.md#${rule.id}`), rule.helpUri);

  const [first] = run.results;
  assert.equal(first.ruleId, 'persist-mismatch');
  assert.equal(rules[first.ruleIndex!].id, 'persist-mismatch');
  assert.equal(first.level, 'error');
  assert.deepEqual(first.locations[0].physicalLocation, { artifactLocation: { uri: 'app/models.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 19, startColumn: 35, endLine: 19, endColumn: 49 } });
  assert.equal(first.relatedLocations![0].message.text, "the initial migration creates userrole with 'admin','user'");
  assert.equal(first.properties.enumType, 'userrole');
  // Fix 1 edits models.py (an insertion: empty region); fix 2 creates the migration file.
  const [valuesCallable, migration] = first.fixes!;
  assert.equal(valuesCallable.description.text, 'Persist member values: add values_callable=lambda e: [m.value for m in e]');
  assert.deepEqual(valuesCallable.artifactChanges[0].replacements[0], { deletedRegion: { startLine: 19, startColumn: 48, endLine: 19, endColumn: 48 }, insertedContent: { text: ', values_callable=lambda e: [m.value for m in e]' } });
  assert.equal(migration.artifactChanges[0].artifactLocation.uri, 'alembic/versions/9f1_rename_userrole.py');
  assert.equal(run.results.find((r) => r.ruleId === 'type-name-mismatch')!.level, 'warning');
  assert.equal(run.results.find((r) => r.ruleId === 'unloadable-rows')!.fixes, undefined, 'no fixes key without a fix');
});

test('parse problems become tool execution notifications with a location', () => {
  const [notification] = sarifReport(input()).runs[0].invocations[0].toolExecutionNotifications as any[];
  assert.equal(notification.level, 'warning');
  assert.equal(notification.descriptor.id, 'parse-problem');
  assert.deepEqual(notification.locations[0].physicalLocation.region, { startLine: 3, startColumn: 1, endLine: 3, endColumn: 6 });
});

test('file names with spaces and non-ASCII characters become URI references', () => {
  const analysis = incidentAnalysis();
  analysis.findings = [{ ...analysis.findings[2], location: { file: 'app/my models/modèles.py', range: { line: 0, column: 0, endLine: 0, endColumn: 3 } }, fixes: [] }];
  const log = sarifReport(input(analysis));
  assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'app/my%20models/mod%C3%A8les.py');
  assert.ok(sarifValidator()(log));
});
