// A hand-made Analysis shaped like the incident's app (userrole persisted by name, userstatus value drift, a
// clean taskstatus, a schema-qualified audit.level), so the reporters can be tested without the engine.
import type { Analysis, EnumTypeModel, OrmUse } from '../../server/src/core/model/analysis';
import type { Finding, OrmEnumBinding, SourceLocation } from '../../server/src/core/model/types';


export const at = (file: string, line: number, column: number, endLine = line, endColumn = column + 10): SourceLocation =>
  ({ file, range: { line, column, endLine, endColumn } });

function binding(attribute: string, localName: string, location: SourceLocation, table: string, column: string): OrmEnumBinding {
  return {
    id: `${location.file}:${location.range.line}:${location.range.column}`,
    orm: 'sqlalchemy', location, attribute, modelClass: attribute.split('.')[0], table, column,
    source: { kind: 'class', localName, resolvedModule: 'app.enums' },
    nativeEnum: true, createConstraint: false, createType: true, omitAliases: true, via: 'Enum', isArray: false, ignoredRules: [],
  };
}

function use(b: OrmEnumBinding, name: string, labels: string[] | { error: string }): OrmUse {
  return {
    binding: b,
    typeName: { schema: 'public', name },
    persisted: Array.isArray(labels) ? { ok: true, labels } : { ok: false, error: labels.error },
  };
}

const migration = 'alembic/versions/c1f348491f8_initial_migration.py';

const userRole: EnumTypeModel = {
  key: 'userrole',
  type: { schema: 'public', name: 'userrole' },
  orm: [use(binding('User.role', 'UserRole', at('app/models.py', 18, 4, 18, 60), 'users', 'role'), 'userrole', ['ADMIN', 'USER'])],
  migrations: { labels: ['admin', 'user'], createdAt: at(migration, 20, 8), revision: 'c1f348491f8', uses: [] },
  database: { schema: 'public', name: 'userrole', labels: ['admin', 'user'] },
  dbColumns: [{ schema: 'public', table: 'users', column: 'role', enumType: { schema: 'public', name: 'userrole' }, isArray: false, dataType: 'USER-DEFINED' }],
  labelCounts: [{ schema: 'public', table: 'users', column: 'role', counts: { admin: 3, user: 41 }, totalRows: 44, exact: true }],
};

const userStatus: EnumTypeModel = {
  key: 'userstatus',
  type: { schema: 'public', name: 'userstatus' },
  orm: [use(binding('User.status', 'UserStatus', at('app/models.py', 19, 4, 19, 70), 'users', 'status'), 'userstatus', ['active', 'pending'])],
  migrations: { labels: ['active', 'pending_approval'], createdAt: at(migration, 27, 8), revision: 'c1f348491f8', uses: [] },
  database: { schema: 'public', name: 'userstatus', labels: ['active', 'pending_approval'] },
  dbColumns: [{ schema: 'public', table: 'users', column: 'status', enumType: { schema: 'public', name: 'userstatus' }, isArray: false, dataType: 'USER-DEFINED' }],
  labelCounts: [{ schema: 'public', table: 'users', column: 'status', counts: { active: 40, pending_approval: 4 }, totalRows: 44, exact: false }],
};

const taskStatus: EnumTypeModel = {
  key: 'taskstatus',
  type: { schema: 'public', name: 'taskstatus' },
  orm: [use(binding('Task.status', 'TaskStatus', at('app/models_tasks.py', 10, 4), 'tasks', 'status'), 'taskstatus', ['todo', 'doing', 'done'])],
  migrations: { labels: ['todo', 'doing', 'done'], createdAt: at(migration, 40, 8), revision: 'c1f348491f8', uses: [] },
  database: { schema: 'public', name: 'taskstatus', labels: ['todo', 'doing', 'done'] },
  dbColumns: [],
  labelCounts: [],
};

const auditLevel: EnumTypeModel = {
  key: 'audit.level',
  type: { schema: 'audit', name: 'level' },
  orm: [use(binding('Event.level', 'Level', at('app/models.py', 30, 4), 'events', 'level'), 'level', { error: 'AttributeError: value' })],
  dbColumns: [],
  labelCounts: [],
};

const persistMismatch: Finding = {
  rule: 'persist-mismatch',
  severity: 'error',
  enumType: 'userrole',
  message: "Enum(UserRole) persists 'ADMIN','USER' but type userrole holds 'admin','user' (database). All 44 rows in users fail to load: every login fails.",
  location: at('app/models.py', 18, 34, 18, 48),
  related: [{ location: at(migration, 20, 8), message: "the initial migration creates userrole with 'admin','user'" }],
  fixes: [
    {
      title: 'Persist member values: add values_callable=lambda e: [m.value for m in e]',
      isPreferred: true,
      edits: [{ file: 'app/models.py', range: { line: 18, column: 47, endLine: 18, endColumn: 47 }, newText: ', values_callable=lambda e: [m.value for m in e]' }],
    },
    {
      title: 'Rename the database labels in a new Alembic revision',
      edits: [],
      newFile: { file: 'alembic/versions/9f1_rename_userrole.py', content: 'revision = "9f1"\n' },
    },
  ],
};

const unloadable: Finding = {
  rule: 'unloadable-rows',
  severity: 'error',
  enumType: 'userstatus',
  message: "4 rows in users.status hold 'pending_approval', which UserStatus cannot map (it persists 'pending'). values_callable alone would not fix it.",
  location: at('app/models.py', 19, 34, 19, 50),
  related: [],
  fixes: [],
};

const badCallable: Finding = {
  rule: 'bad-values-callable',
  severity: 'error',
  enumType: 'audit.level',
  message: 'values_callable=lambda x: x.value returns a member, not a list: importing app.models fails with AttributeError: value.',
  location: at('app/models.py', 30, 40, 30, 70),
  related: [],
  fixes: [{ title: 'Use values_callable=lambda e: [m.value for m in e]', edits: [{ file: 'app/models.py', range: { line: 30, column: 40, endLine: 30, endColumn: 70 }, newText: 'values_callable=lambda e: [m.value for m in e]' }] }],
};

const nameWarning: Finding = {
  rule: 'type-name-mismatch',
  severity: 'warning',
  enumType: 'userstatus',
  message: "users.status uses type userstatus but Enum(UserStatus, name='user_status') names user_status.",
  location: at('app/models.py', 19, 4, 19, 70),
  related: [],
  fixes: [],
};

/** The incident: three types in trouble, one clean; a live database; one parse problem. */
export function incidentAnalysis(): Analysis {
  return {
    types: [taskStatus, userRole, userStatus, auditLevel],
    findings: [nameWarning, unloadable, persistMismatch, badCallable],
    problems: [{ file: 'app/templates/model.py.jinja.py', range: { line: 2, column: 0, endLine: 2, endColumn: 5 }, message: 'syntax error (a template?)', severity: 'warning' }],
    alembic: { scriptLocations: ['alembic'], revisions: [], heads: ['c1f348491f8'], problems: [] },
    database: {
      source: 'live', description: 'postgresql://app@127.0.0.1:5432/app', serverVersion: '15.18',
      enumTypes: [], columns: [], labelCounts: [], alembicVersions: ['c1f348491f8'],
    },
  };
}

/** A workspace where everything agrees: no findings, no database. */
export function cleanAnalysis(): Analysis {
  return {
    types: [taskStatus],
    findings: [],
    problems: [],
    alembic: { scriptLocations: ['alembic'], revisions: [], heads: ['c1f348491f8'], problems: [] },
  };
}
