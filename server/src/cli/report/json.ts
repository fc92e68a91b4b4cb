// The JSON report: a stable machine-readable shape for scripts and CI (see docs/cli.md). Positions are 1-based,
// files relative to the checked folder, enum types schema-qualified only outside public.
import type { EnumTypeModel, MigrationTruth, OrmUse } from '../../core/model/analysis';
import type { Finding, Fix, SourceLocation } from '../../core/model/types';
import { compareFindings, countBySeverity, rowsPerLabel, toOneBased, type ReportInput } from './reportInput';

function located(location: SourceLocation) {
  return { file: location.file, ...toOneBased(location.range) };
}

function fixJson(fix: Fix) {
  return {
    title: fix.title,
    isPreferred: fix.isPreferred ?? false,
    edits: fix.edits.map((edit) => ({ ...located(edit), newText: edit.newText })),
    ...(fix.newFile ? { newFile: fix.newFile } : {}),
  };
}

function findingJson(finding: Finding) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    ...located(finding.location),
    enumType: finding.enumType,
    message: finding.message,
    related: finding.related.map((related) => ({ ...located(related.location), message: related.message })),
    fixes: finding.fixes.map(fixJson),
  };
}

function ormUseJson(use: OrmUse) {
  const { binding } = use;
  return {
    attribute: binding.attribute,
    ...located(binding.location),
    // `column` is taken by the position; the mapped table column is `columnName`.
    table: binding.table ?? null,
    columnName: binding.column ?? null,
    enumClass: use.enumClass ? `${use.enumClass.module}.${use.enumClass.name}` : binding.source.kind === 'class' ? binding.source.localName : null,
    via: binding.via,
    nativeEnum: binding.nativeEnum,
    typeName: use.typeName.schema === 'public' ? use.typeName.name : `${use.typeName.schema}.${use.typeName.name}`,
    persisted: use.persisted.ok ? use.persisted.labels : null,
    ...(use.persisted.ok ? {} : { persistError: use.persisted.error, unresolved: use.persisted.unresolved ?? false }),
  };
}

function migrationJson(truth: MigrationTruth | undefined) {
  if (!truth) return null;
  return {
    labels: truth.labels,
    revision: truth.revision ?? null,
    createdAt: truth.createdAt ? located(truth.createdAt) : null,
    lastChangedAt: truth.lastChangedAt ? located(truth.lastChangedAt) : null,
    uses: (truth.uses ?? []).map((use) => ({ table: use.table, columnName: use.column, ...located(use.location) })),
  };
}

function databaseJson(model: EnumTypeModel) {
  if (!model.database) return null;
  const rows = rowsPerLabel(model);
  return {
    labels: model.database.labels,
    columns: model.dbColumns.map((column) => ({ table: `${column.schema === 'public' ? '' : `${column.schema}.`}${column.table}`, column: column.column, isArray: column.isArray })),
    rows: rows ? Object.fromEntries(rows.counts) : null,
    rowsExact: rows ? rows.exact : null,
  };
}

function enumJson(model: EnumTypeModel) {
  return {
    type: model.key,
    schema: model.type.schema,
    name: model.type.name,
    orm: { bindings: model.orm.map(ormUseJson) },
    migrations: migrationJson(model.migrations),
    migrationsAtDatabaseRevision: migrationJson(model.migrationsAtDatabaseRevision),
    database: databaseJson(model),
  };
}

/** The whole report as a plain object (what `--format json` prints). */
export function jsonReport(input: ReportInput) {
  const { analysis } = input;
  const counts = countBySeverity(analysis.findings);
  return {
    tool: 'enumguard',
    version: input.toolVersion,
    summary: {
      findings: counts.total,
      errors: counts.errors,
      warnings: counts.warnings,
      infos: counts.infos,
      enumTypes: analysis.types.length,
      filesChecked: input.filesIndexed,
      problems: analysis.problems.length,
      elapsedSeconds: Math.round(input.elapsedMs) / 1000,
    },
    database: analysis.database
      ? {
          source: analysis.database.source,
          description: analysis.database.description,
          serverVersion: analysis.database.serverVersion,
          alembicVersions: analysis.database.alembicVersions,
          notes: analysis.database.notes ?? [],
        }
      : null,
    alembic: { heads: analysis.alembic.heads, revisions: analysis.alembic.revisions.length },
    findings: [...analysis.findings].sort(compareFindings).map(findingJson),
    enums: [...analysis.types].sort((a, b) => a.key.localeCompare(b.key)).map(enumJson),
    problems: analysis.problems.map((problem) => ({ ...located(problem), severity: problem.severity, message: problem.message })),
  };
}

export function renderJson(input: ReportInput): string {
  return `${JSON.stringify(jsonReport(input), null, 2)}\n`;
}
