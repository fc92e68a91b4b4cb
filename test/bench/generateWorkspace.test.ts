// The benchmark's workspace generator: deterministic, proportional to the scale, valid Python (checked by the real
// CPython parser), one linear Alembic chain, and a manifest whose planted mistakes point at real lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
// @ts-expect-error: a plain .mjs script of the benchmark, without type declarations
import { generateWorkspace } from './generateWorkspace.mjs';

function digestOf(root: string): string {
  const hash = createHash('sha256');
  const files = (fs.readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()).sort();
  for (const file of files) hash.update(file).update('\0').update(fs.readFileSync(path.join(root, file))).update('\0');
  return hash.digest('hex');
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'enumguard-bench-gen-'));
test.after(() => fs.rmSync(scratch, { recursive: true, force: true }));

test('the same scale gives byte-identical workspaces', () => {
  generateWorkspace({ outDir: path.join(scratch, 'a'), scale: 0.05 });
  generateWorkspace({ outDir: path.join(scratch, 'b'), scale: 0.05 });
  assert.equal(digestOf(path.join(scratch, 'a')), digestOf(path.join(scratch, 'b')));
});

test('counts follow the scale: 2,000 model files, 400 with enum columns and 300 revisions at 1x', () => {
  const small = generateWorkspace({ outDir: path.join(scratch, 'small'), scale: 0.05 });
  const double = generateWorkspace({ outDir: path.join(scratch, 'double'), scale: 0.1 });
  assert.deepEqual([small.counts.modelFiles, small.counts.enumModelFiles, small.counts.revisionsWritten], [100, 20, 15]);
  assert.deepEqual([double.counts.modelFiles, double.counts.enumModelFiles, double.counts.revisionsWritten], [200, 40, 30]);
  const modelFiles = (root: string) => (fs.readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => /\/models\/(?!__init__)[a-z_]+\.py$/.test(f.replace(/\\/g, '/')));
  assert.equal(modelFiles(path.join(scratch, 'small')).length, 100);
  const bytesPerFile = (m: { counts: { bytes: number; pythonFiles: number } }) => m.counts.bytes / m.counts.pythonFiles;
  assert.ok(Math.abs(bytesPerFile(double) / bytesPerFile(small) - 1) < 0.1, 'files keep their size as the workspace grows');
});

test('model files are realistic in size and every enum module is imported by its models', () => {
  const root = path.join(scratch, 'small');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '.bench-manifest.json'), 'utf8'));
  for (const file of manifest.modelFilesWithEnums) {
    const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n').length;
    assert.ok(lines >= 90 && lines <= 220, `${file} has ${lines} lines`);
    assert.match(fs.readFileSync(path.join(root, file), 'utf8'), /from (\.\.enums|app\.\w+\.enums) import /);
  }
});

test('the revisions form one linear chain with a single head', () => {
  const root = path.join(scratch, 'small');
  const versions = path.join(root, 'migrations', 'versions');
  const downOf = new Map<string, string | null>();
  for (const file of fs.readdirSync(versions)) {
    const text = fs.readFileSync(path.join(versions, file), 'utf8');
    const revision = /^revision = "(\w+)"/m.exec(text)?.[1];
    const down = /^down_revision = (?:"(\w+)"|None)/m.exec(text);
    assert.ok(revision && down, `${file} names its revision and down_revision`);
    downOf.set(revision, down[1] ?? null);
  }
  const roots = [...downOf].filter(([, down]) => down === null);
  assert.equal(roots.length, 1);
  const referenced = new Set(downOf.values());
  const heads = [...downOf.keys()].filter((rev) => !referenced.has(rev));
  assert.equal(heads.length, 1);
  let length = 1;
  for (let at = heads[0]; downOf.get(at); at = downOf.get(at)!) length += 1;
  assert.equal(length, downOf.size, 'walking down from the head visits every revision');
  assert.match(fs.readFileSync(path.join(root, 'alembic.ini'), 'utf8'), /^script_location = migrations$/m);
});

test('planted mistakes and edit targets point at the lines they describe', () => {
  const root = path.join(scratch, 'double');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '.bench-manifest.json'), 'utf8'));
  const lineOf = (file: string, line0: number) => fs.readFileSync(path.join(root, file), 'utf8').split('\n')[line0];
  const columnMistakes = manifest.mistakes.filter((m: { file: string | null }) => m.file);
  assert.ok(columnMistakes.length > 0 && manifest.strayTypes.length > 0);
  for (const mistake of columnMistakes) {
    const declaration = [0, 1, 2].map((i) => lineOf(mistake.file, mistake.line - 1 + i)).join('\n');
    if (mistake.kind === 'not-a-list') assert.match(declaration, /values_callable=lambda x: x\.value/);
    else assert.doesNotMatch(declaration, /values_callable/);
  }
  for (const target of manifest.toggleTargets) {
    assert.equal(lineOf(target.file, target.line0).slice(target.character, target.character + target.text.length), target.text);
  }
});

test('every generated file is valid Python for CPython\'s own parser', (t) => {
  const probe = spawnSync('python3', ['--version']);
  if (probe.error || probe.status !== 0) {
    t.skip('python3 is not installed: CPython validity not checked');
    return;
  }
  const root = path.join(scratch, 'double');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '.bench-manifest.json'), 'utf8'));
  const script = 'import ast, sys\nfor p in sys.stdin.read().splitlines():\n    ast.parse(open(p, "rb").read(), p)\nprint("ok")';
  const result = spawnSync('python3', ['-c', script], { input: manifest.pythonFiles.map((f: string) => path.join(root, f)).join('\n'), encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim(), 'ok');
});
