// End to end: spawns the built `node dist/cli.js` (run `npm run build` first) on real folders and checks exit
// codes, one-line errors without secrets, and the JSON, SARIF and text reports on the bundled examples.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sarifValidator } from './sarifSchema';

const repo = path.resolve(__dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const brokenAuth = path.join(repo, 'examples', 'broken-auth');
const fixedAuth = path.join(repo, 'examples', 'fixed-auth');
const packageVersion: string = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).version;
let scratch = '';

/** Runs the CLI with a clean environment: no database URL leaks in from the developer's shell. */
function enumguard(args: string[], env: Record<string, string> = {}, cwd = repo) {
  const baseEnv = { ...process.env };
  delete baseEnv.ENUMGUARD_DATABASE_URL;
  delete baseEnv.NO_COLOR;
  delete baseEnv.FORCE_COLOR;
  const run = spawnSync(process.execPath, [cli, ...args], { cwd, env: { ...baseEnv, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A usage/config/connection problem: exit 2, nothing on stdout, exactly one line on stderr. */
function assertOneLineProblem(result: ReturnType<typeof enumguard>, pattern: RegExp) {
  assert.equal(result.code, 2, result.stderr);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr.split('\n').filter(Boolean).length, 1, result.stderr);
  assert.match(result.stderr, /^enumguard: /);
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

before(() => {
  assert.ok(fs.existsSync(cli), `${cli} is missing: run "npm run build" first`);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'enumguard-cli-'));
});
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

test('--help and --version exit 0', () => {
  const help = enumguard(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: enumguard check \[PATH\]/);
  assert.match(help.stdout, /Exit status: 0 no error findings, 1 error findings, 2 usage/);
  const version = enumguard(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout, `enumguard ${packageVersion}\n`);
});

test('bad flags, a missing PATH and a file as PATH: exit 2 with one line', () => {
  assertOneLineProblem(enumguard(['check', '--frmat', 'json']), /unknown option "--frmat"/);
  assertOneLineProblem(enumguard(['check', '--format', 'xml']), /--format must be one of text, json, sarif/);
  assertOneLineProblem(enumguard([]), /missing command/);
  assertOneLineProblem(enumguard(['check', path.join(scratch, 'nope')]), /nope: no such folder/);
  assertOneLineProblem(enumguard(['check', path.join(repo, 'package.json')]), /package\.json: not a folder/);
});

test('a bad --config: exit 2 with the file and the problem named', () => {
  const unknownKey = path.join(scratch, 'unknown-key.json');
  fs.writeFileSync(unknownKey, JSON.stringify({ rules: { 'persist-mismatch': 'error' }, databaseUrl: 'postgres://x' }));
  assertOneLineProblem(enumguard(['check', fixedAuth, '--config', unknownKey]), new RegExp(`${unknownKey.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: unknown key "databaseUrl"`));
  const notJson = path.join(scratch, 'broken.json');
  fs.writeFileSync(notJson, '{ "rules": ');
  assertOneLineProblem(enumguard(['check', fixedAuth, '--config', notJson]), /broken\.json: not valid JSON/);
  assertOneLineProblem(enumguard(['check', fixedAuth, '--config', path.join(scratch, 'absent.json')]), /absent\.json: config file not found/);
  const badRule = path.join(scratch, 'bad-rule.json');
  fs.writeFileSync(badRule, JSON.stringify({ rules: { 'persist-mismatch': 'loud' } }));
  assertOneLineProblem(enumguard(['check', fixedAuth, '--config', badRule]), /rule "persist-mismatch" must be/);
});

test('an unreachable database: exit 2, one line, and the password appears nowhere', () => {
  const url = 'postgres://u:secret@127.0.0.1:1/x';
  for (const result of [
    enumguard(['check', brokenAuth, '--db', url]),
    enumguard(['check', brokenAuth, `--db=${url}`, '--format', 'json']),
    enumguard(['check', brokenAuth], { ENUMGUARD_DATABASE_URL: url }),
  ]) {
    assertOneLineProblem(result, /127\.0\.0\.1/);
    assert.ok(!result.stdout.includes('secret') && !result.stderr.includes('secret'), result.stderr);
  }
});

test('broken-auth against its schema dump, JSON: exit 1, the incident findings at 1-based positions', () => {
  const result = enumguard(['check', 'examples/broken-auth', '--db', 'file:examples/broken-auth/schema.sql', '--format', 'json']);
  assert.equal(result.code, 1, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.equal(report.tool, 'enumguard');
  assert.equal(report.version, packageVersion);
  assert.ok(report.summary.filesChecked > 0);
  assert.ok(report.summary.errors > 0);
  for (const finding of report.findings) {
    for (const key of ['rule', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'enumType', 'message']) assert.ok(key in finding, `${key} in ${JSON.stringify(finding)}`);
    assert.ok(!path.isAbsolute(finding.file) && !finding.file.startsWith('examples/'), `file relative to PATH: ${finding.file}`);
    assert.ok(finding.line >= 1 && finding.column >= 1);
  }
  const roleMismatch = report.findings.find((f: any) => f.rule === 'persist-mismatch' && f.enumType === 'userrole');
  assert.ok(roleMismatch, JSON.stringify(report.findings.map((f: any) => `${f.rule} ${f.enumType}`)));
  assert.equal(roleMismatch.file, 'app/models.py');
  // The column declaration is line 18 of models.py (1-based): `role: Mapped[UserRole] = mapped_column(Enum(UserRole), ...)`.
  const modelsLines = fs.readFileSync(path.join(brokenAuth, 'app', 'models.py'), 'utf8').split('\n');
  assert.match(modelsLines[roleMismatch.line - 1], /role: Mapped\[UserRole\]/);
  assert.match(roleMismatch.message, /ADMIN/);
  assert.match(roleMismatch.message, /admin/);
  const userrole = report.enums.find((e: any) => e.type === 'userrole');
  assert.ok(userrole.orm && userrole.migrations && userrole.database);
  assert.deepEqual(userrole.orm.bindings[0].persisted, ['ADMIN', 'USER']);
  assert.ok(Array.isArray(report.problems));
  assert.equal(report.database.source, 'embedded');
});

test('broken-auth as SARIF: exit 1 and valid against the SARIF 2.1.0 schema', () => {
  const result = enumguard(['check', brokenAuth, '--db', `file:${path.join(brokenAuth, 'schema.sql')}`, '--format', 'sarif']);
  assert.equal(result.code, 1, result.stderr);
  const log: any = JSON.parse(result.stdout);
  const validate = sarifValidator();
  const valid = validate(structuredClone(log));
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
  assert.ok(log.runs[0].results.some((r: any) => r.ruleId === 'persist-mismatch' && r.locations[0].physicalLocation.artifactLocation.uri === 'app/models.py'));
});

test('broken-auth as text: grouped per type, summary last, no colour in a pipe unless --color', () => {
  const result = enumguard(['check', 'examples/broken-auth', '--db', 'file:examples/broken-auth/schema.sql']);
  assert.equal(result.code, 1, result.stderr);
  const lines = result.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^EnumGuard \S+ · examples\/broken-auth · database: /);
  assert.match(result.stdout, /\nuserrole  \d+ errors?/);
  assert.match(result.stdout, /    orm\s+User\.role Enum\(UserRole\) app\/models\.py:\d+\s+ADMIN, USER/);
  assert.match(lines.at(-1)!, /^\d+ findings? \(\d+ errors?.*\) in \d+ enum types? · \d+ files checked · .*\d+\.\d\d s$/);
  assert.doesNotMatch(result.stdout, /\u001b\[/);
  assert.ok(lines.length <= 60, `fits on one screen: ${lines.length} lines`);
  const coloured = enumguard(['check', 'examples/broken-auth', '--color']);
  assert.match(coloured.stdout, /\u001b\[31m/);
  const noColor = enumguard(['check', 'examples/broken-auth', '--color', '--no-color']);
  assert.doesNotMatch(noColor.stdout, /\u001b\[/);
});

test('fixed-auth: exit 0 with and without its schema dump', () => {
  for (const args of [['check', fixedAuth], ['check', fixedAuth, '--db', `file:${path.join(fixedAuth, 'schema.sql')}`]]) {
    const result = enumguard(args);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /No findings in \d+ enum types? · \d+ files checked/);
  }
});

test('--output writes the report to a file and nothing to stdout', () => {
  const out = path.join(scratch, 'reports', 'enumguard.sarif');
  const result = enumguard(['check', fixedAuth, '--format', 'sarif', '--output', out]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, '');
  assert.ok(sarifValidator()(JSON.parse(fs.readFileSync(out, 'utf8'))));
});

test('an empty folder: nothing to check is not an error', () => {
  const empty = fs.mkdtempSync(path.join(scratch, 'empty-'));
  const result = enumguard(['check', empty, '--format', 'json']);
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.deepEqual([report.findings, report.enums, report.summary.filesChecked], [[], [], 0]);
});
