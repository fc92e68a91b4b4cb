// Rule specs: each test/rules/<rule-id>/<case>/ is a small real workspace (+ schema.sql loaded into a real
// PostgreSQL) with expected.json naming the findings. Every quick fix offered is applied to a copy of the case and
// the engine must then no longer report that finding.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initEngine, WorkspaceIndex, analyze } from '../../server/src/core/engine';
import { defaultConfig } from '../../server/src/core/config/config';
import { columnsOfInterest } from '../../server/src/core/model/columnsOfInterest';
import { rules } from '../../server/src/core/rules';
import type { DatabaseSnapshot, Finding } from '../../server/src/core/model/types';
import { loadDatabaseSnapshot } from '../../server/src/db/snapshot';
import { postgresUnavailableReason, startPostgres } from '../support/postgres';
import { applyFix, copyToTemp } from '../support/workspaceCopy';

/** One expected finding, or `{ rule, none: true }`: that rule must find nothing in this case. */
interface Expected { rule: string; file: string; line: number; includes: string[]; none?: boolean }

const specRoot = path.join(__dirname);
const cases = fs.readdirSync(specRoot, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((rule) => fs.readdirSync(path.join(specRoot, rule.name)).map((c) => path.join(rule.name, c)))
  .filter((c) => fs.existsSync(path.join(specRoot, c, 'expected.json')));

const noPostgres = postgresUnavailableReason();
let postgres: Awaited<ReturnType<typeof startPostgres>> | undefined;
before(async () => {
  await initEngine();
  if (!noPostgres) postgres = await startPostgres();
});
after(async () => postgres?.stop());

async function check(root: string, database: DatabaseSnapshot | undefined): Promise<Finding[]> {
  const config = defaultConfig();
  const index = new WorkspaceIndex(root, config);
  await index.indexAll();
  return analyze({ facts: index.facts(), database, config }).findings;
}

async function snapshotFor(caseDir: string, name: string, root: string): Promise<DatabaseSnapshot | undefined> {
  const schema = path.join(caseDir, 'schema.sql');
  if (!fs.existsSync(schema)) return undefined;
  const url = await postgres!.createDatabase(name, fs.readFileSync(schema, 'utf8'));
  const config = defaultConfig();
  const index = new WorkspaceIndex(root, config);
  await index.indexAll();
  return loadDatabaseSnapshot(url, { root, schemas: ['public'], columnsOfInterest: columnsOfInterest(index.facts()) });
}

describe('rule specs', () => {
  for (const [i, name] of cases.entries()) {
    // Cases with a schema.sql compare against a real PostgreSQL; without one they are skipped, visibly.
    const needsDatabase = fs.existsSync(path.join(specRoot, name, 'schema.sql'));
    test(name, { skip: needsDatabase ? noPostgres : undefined }, async () => {
      const caseDir = path.join(specRoot, name);
      const entries: Expected[] = JSON.parse(fs.readFileSync(path.join(caseDir, 'expected.json'), 'utf8'));
      const expected = entries.filter((e) => !e.none);
      const database = await snapshotFor(caseDir, `spec_${i}`, caseDir);
      const findings = await check(caseDir, database);
      const checkedRules = new Set(entries.map((e) => e.rule));
      const actual = findings.filter((f) => checkedRules.has(f.rule)).map((f) => `${f.rule} ${f.location.file}:${f.location.range.line + 1}`);
      assert.deepEqual(actual.sort(), expected.map((e) => `${e.rule} ${e.file}:${e.line}`).sort(), `findings: ${JSON.stringify(findings.map((f) => f.message), null, 1)}`);
      for (const e of expected) {
        const finding = findings.find((f) => f.rule === e.rule && f.location.file === e.file && f.location.range.line + 1 === e.line)!;
        for (const fragment of e.includes) assert.ok(finding.message.includes(fragment), `${e.rule} message lacks ${fragment}:\n${finding.message}`);
      }

      // Every fix must leave a workspace the engine reports clean for that finding.
      for (const finding of findings.filter((f) => checkedRules.has(f.rule))) {
        for (const fix of finding.fixes) {
          const copy = copyToTemp(caseDir);
          try {
            applyFix(copy, fix);
            const after = await check(copy, database);
            const still = after.filter((f) => f.rule === finding.rule && f.enumType === finding.enumType && f.location.file === finding.location.file);
            assert.equal(still.length, 0, `fix "${fix.title}" left: ${still.map((f) => f.message).join('\n')}`);
          } finally {
            fs.rmSync(copy, { recursive: true, force: true });
          }
        }
      }
    });
  }
});

describe('every rule has a file, a registry entry, a spec folder and a doc section', () => {
  const docs = fs.existsSync('docs/rules.md') ? fs.readFileSync('docs/rules.md', 'utf8') : '';
  for (const rule of rules) {
    test(rule.id, () => {
      const camel = rule.id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      assert.ok(fs.existsSync(`server/src/core/rules/${camel}.ts`), `server/src/core/rules/${camel}.ts`);
      assert.ok(cases.some((c) => c.startsWith(`${rule.id}${path.sep}`)), `test/rules/${rule.id}/ has a case`);
      assert.match(docs, new RegExp(`^#+ .*\\b${rule.id}\\b`, 'm'), `docs/rules.md has a section for ${rule.id}`);
    });
  }
});
