// Differential oracle: real SQLAlchemy 2.0 (sqlalchemy_oracle.py) against the analyser's predictions for every
// fixture in test/fixtures/oracle and every bundled example app: persisted labels, type name, native flag, and
// whether stored labels load. Skips visibly when Python or the SQLAlchemy 2 install is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { oracleAvailability, runOracle, type OracleColumn, type OracleResult } from './runOracle';
import { compareWithOracle, labelCandidates } from './compareWithOracle';

const repoRoot = path.resolve(__dirname, '..', '..');
const fixturesRoot = path.join(repoRoot, 'test', 'fixtures', 'oracle');
const examplesRoot = path.join(repoRoot, 'examples');

const availability = oracleAvailability();
const skipReason = availability.ok ? undefined : availability.reason;
if (availability.ok) {
  console.log(`# SQLAlchemy oracle: SQLAlchemy ${availability.sqlalchemyVersion}, Python ${availability.pythonVersion}`);
} else {
  console.log(`# SQLAlchemy oracle SKIPPED: ${availability.reason}`);
}

function pythonFiles(root: string, under = ''): string[] {
  return fs.readdirSync(path.join(root, under), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.py'))
    .map((f) => path.posix.join(under, f.split(path.sep).join('/')))
    .sort();
}

const exampleApps = fs.existsSync(examplesRoot)
  ? fs.readdirSync(examplesRoot).filter((name) => fs.existsSync(path.join(examplesRoot, name, 'app'))).sort()
  : [];

/** pg_dump writes `CREATE TYPE public.x AS ENUM (\n    'a',\n    'b'\n);`: type name -> labels. */
function dumpEnumLabels(schemaSql: string): Record<string, string[]> {
  const types: Record<string, string[]> = {};
  for (const match of schemaSql.matchAll(/CREATE TYPE (?:public\.)?("?[\w.]+"?) AS ENUM \(([^;]*)\);/g)) {
    types[match[1]!] = [...match[2]!.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replaceAll("''", "'"));
  }
  return types;
}

function column(result: OracleResult, attribute: string): OracleColumn {
  const found = result.columns.find((c) => c.attribute === attribute);
  assert.ok(found, `SQLAlchemy has no Enum column ${attribute}`);
  return found;
}

// ---------- The examples, as real SQLAlchemy sees them (independent of the analyser) ----------

test('broken-auth: real SQLAlchemy reproduces the incident against the dumped database', { skip: skipReason }, () => {
  const root = path.join(examplesRoot, 'broken-auth');
  const labels = dumpEnumLabels(fs.readFileSync(path.join(root, 'schema.sql'), 'utf8'));
  assert.deepEqual(labels.userrole, ['admin', 'user']);
  const result = runOracle(root, ['app/enums.py', 'app/db.py', 'app/models.py', 'app/models_tasks.py'], labels);

  const role = column(result, 'User.role');
  assert.deepEqual(role.enums, ['ADMIN', 'USER']);
  assert.deepEqual(role.loads, { admin: false, user: false }, 'every stored role must fail to load: every login fails');
  const status = column(result, 'User.status');
  assert.deepEqual(status.enums, ['PENDING', 'ACTIVE', 'DISABLED']);
  assert.ok(Object.values(status.loads ?? {}).every((loads) => !loads));

  const tasksError = result.importErrors.find((e) => e.module === 'app.models_tasks');
  assert.equal(tasksError?.errorType, 'AttributeError');
  assert.equal(tasksError?.message, 'value');

  const category = column(result, 'Event.category');
  assert.equal(category.typeName, 'event_category');
  assert.equal(labels.event_category, undefined, 'the database has no event_category type');
  assert.deepEqual(category.enums, labels.eventcategory);

  const kind = column(result, 'Document.kind');
  assert.deepEqual([kind.typeName, kind.native], ['documentkind', true]);
  assert.equal(labels.documentkind, undefined, 'no documentkind type: documents.kind is VARCHAR');

  const documents = column(result, 'Document.status');
  assert.deepEqual(documents.enums, ['draft', 'published', 'archived']);
  assert.deepEqual(labels.documentstatus, ['draft', 'published'], 'the dump is at c1f348491f8, before archived');
  assert.deepEqual(labels.taskstatus, ['todo', 'in_progress', 'done', 'blocked'], 'blocked was added by hand');
});

test('fixed-auth: real SQLAlchemy persists exactly the dumped labels and loads every one', { skip: skipReason }, () => {
  const root = path.join(examplesRoot, 'fixed-auth');
  const labels = dumpEnumLabels(fs.readFileSync(path.join(root, 'schema.sql'), 'utf8'));
  // documents.kind is VARCHAR(20): its stored values come from the dump's COPY block, not from a type.
  const storedKinds = ['report', 'memo'];
  const result = runOracle(root, ['app/enums.py', 'app/db.py', 'app/models.py', 'app/models_tasks.py'],
    { ...labels, documentkind: storedKinds });
  assert.deepEqual(result.importErrors, []);
  assert.equal(result.columns.length, 6);
  for (const c of result.columns.filter((c) => c.native)) {
    assert.deepEqual(c.enums, labels[c.typeName ?? ''], `${c.attribute}: persisted labels = type ${c.typeName} in schema.sql`);
    assert.ok(Object.values(c.loads ?? {}).every(Boolean), `${c.attribute}: every stored label loads`);
  }
  const kind = column(result, 'Document.kind');
  assert.deepEqual([kind.native, kind.length], [false, 20], 'Document.kind matches the migration\'s String(20)');
  assert.deepEqual(kind.loads, { report: true, memo: true });
});

// ---------- The fixtures pin the behaviours enum-facts.md states (independent of the analyser) ----------

test('fixtures: real SQLAlchemy behaves as enum-facts.md says', { skip: skipReason }, () => {
  const result = runOracle(fixturesRoot, pythonFiles(fixturesRoot), { '*': ['ACTIVE', 'ENABLED', 'active'] });
  const at = (file: string, attribute: string): OracleColumn => {
    const found = result.columns.find((c) => c.file === file && c.attribute === attribute);
    assert.ok(found, `SQLAlchemy has no Enum column ${file} ${attribute}`);
    return found;
  };
  const errorOf = (module: string) => result.importErrors.find((e) => e.module === module);

  assert.deepEqual(at('names_default.py', 'Account.role').enums, ['ADMIN', 'USER'], 'names persist by default');
  assert.equal(at('names_default.py', 'Account.role').typeName, 'userrole', 'type name = class name lower-cased');
  assert.deepEqual(at('values_callable_str.py', 'Ticket.status').enums, ['TicketStatus.OPEN', 'TicketStatus.CLOSED']);
  assert.deepEqual(at('values_callable_str.py', 'Ticket.review').enums, ['requested', 'approved'], 'str(StrEnum) is its value');
  assert.deepEqual(at('strenum_auto.py', 'Job.state').enums, ['queued', 'running', 'failed_permanently']);
  assert.equal(errorOf('intenum_values_callable')?.errorType, 'TypeError');
  assert.equal(errorOf('intenum_values_callable')?.message, "object of type 'int' has no len()");
  assert.equal(errorOf('values_callable_not_a_list')?.errorType, 'AttributeError');
  assert.deepEqual(result.importErrors.map((e) => e.module).sort(), ['intenum_values_callable', 'values_callable_not_a_list']);

  const aliased = at('aliases.py', 'Device.status');
  assert.deepEqual(aliased.enums, ['ACTIVE', 'INACTIVE'], '2.0 omits alias members');
  assert.equal(aliased.loads?.ENABLED, false, 'a row stored under an alias name cannot load in 2.0');
  assert.deepEqual(at('aliases.py', 'Device.status_kept').enums, ['ACTIVE', 'ENABLED', 'INACTIVE']);

  assert.deepEqual(at('mapped_annotation.py', 'Post.visibility_union').enums, ['PUBLIC', 'PRIVATE'], 'Mapped[Cls] = Enum(Cls)');
  assert.deepEqual(at('type_annotation_map_enum.py', 'Incident.severity').enums, ['minor', 'major']);
  assert.deepEqual(at('type_annotation_map_enum.py', 'Incident.severity_explicit').enums, ['MINOR', 'MAJOR']);
  const region = at('type_annotation_map_specific.py', 'Server.region');
  assert.deepEqual([region.typeName, region.native, region.enums], ['cloud_region', true, ['eu-west', 'us-east']]);
  const size = at('type_annotation_map_specific.py', 'Server.size');
  assert.deepEqual([size.native, size.length, size.enums], [false, 30, ['SMALL', 'LARGE']]);

  const varchar = at('non_native.py', 'Notification.channel');
  assert.deepEqual([varchar.native, varchar.length, varchar.createConstraint], [false, 'PUSH_NOTIFICATION'.length, false]);
  assert.equal(at('non_native.py', 'Notification.channel_sized').length, 40);
  assert.equal(at('non_native.py', 'Notification.channel_checked').createConstraint, true);

  // Only schema=, inherit_schema=True or metadata= put the type in a schema; MetaData(schema=) alone does not.
  assert.equal(at('metadata_schema.py', 'Customer.tier').typeSchema, null);
  assert.equal(at('metadata_schema.py', 'Customer.tier_bound').typeSchema, 'tenant');
  assert.equal(at('metadata_schema.py', 'Customer.tier_inherited').typeSchema, 'tenant');
  assert.equal(at('table_schema.py', 'Subscription.plan').typeSchema, null);
  assert.equal(at('table_schema.py', 'Subscription.plan_inherited').typeSchema, 'billing');
  assert.equal(at('name_and_schema.py', 'AuditEntry.level_in_schema').typeSchema, 'audit');

  assert.equal(at('postgresql_enum.py', 'Person.mood').createType, false);
  assert.equal(at('postgresql_enum.py', 'Person.weather').createType, true);
  assert.deepEqual(at('string_form.py', 'Shipment.carrier').enums, ['dhl', 'ups', 'Fed Ex']);
  assert.equal(at('core_table.py', 'ledger.source').typeName, 'ledger_source');
  assert.equal(at('array_of_enum.py', 'ApiKey.permissions').isArray, true);
  assert.deepEqual(at('enum_from_other_module.py', 'Price.currency').enums, ['EUR', 'USD']);
  for (const attribute of ['Basket.via_sa', 'Basket.via_alias', 'Basket.via_types']) at('import_spellings.py', attribute);
});

// ---------- The analyser against the oracle ----------

interface OracleCase {
  name: string;
  root: string;
  modules: string[];
}

const cases: OracleCase[] = [
  { name: 'test/fixtures/oracle', root: fixturesRoot, modules: pythonFiles(fixturesRoot) },
  ...exampleApps.map((app) => ({
    name: `examples/${app}`,
    root: path.join(examplesRoot, app),
    modules: pythonFiles(path.join(examplesRoot, app), 'app'),
  })),
];

for (const oracleCase of cases) {
  test(`analyser agrees with real SQLAlchemy: ${oracleCase.name}`, { skip: skipReason }, async (t) => {
    // Imported here so the SQLAlchemy-only tests above still run while the engine is being written.
    const { initEngine, WorkspaceIndex, analyze } = await import('../../server/src/core/engine');
    const { defaultConfig } = await import('../../server/src/core/config/config');
    await initEngine();
    const index = new WorkspaceIndex(oracleCase.root, defaultConfig());
    await index.indexAll();
    const analysis = analyze({ facts: index.facts(), config: defaultConfig() });
    const uses = analysis.types.flatMap((type) => type.orm);

    const oracle = runOracle(oracleCase.root, oracleCase.modules, { '*': labelCandidates(uses) });
    t.diagnostic(`SQLAlchemy ${oracle.sqlalchemyVersion}: ${oracle.columns.length} Enum columns, ` +
      `${oracle.importErrors.length} import errors; analyser: ${uses.length} bindings`);
    const report = compareWithOracle(uses, oracle);
    for (const note of report.notes) t.diagnostic(note);
    assert.ok(report.compared > 0, 'nothing was compared');
    assert.deepEqual(report.mismatches, [], `analyser disagrees with SQLAlchemy ${oracle.sqlalchemyVersion}:\n` +
      report.mismatches.join('\n'));
  });
}
