// The human report: per enum type a compact table of the three truths (ORM, migrations at head, database with
// row counts), then that type's findings with location, message and first fix; problems; one summary line.
import type { EnumTypeModel, MigrationTruth, OrmUse } from '../../core/model/analysis';
import type { Finding, ParseProblem, Severity, SourceLocation } from '../../core/model/types';
import { palette, visibleLength, type Palette } from './ansi';
import { countBySeverity, groupByEnumType, plural, rowsPerLabel, toOneBased, type EnumTypeGroup, type ReportInput } from './reportInput';

export interface TextOptions {
  color: boolean;
  /** How to show the checked folder in the header (as the user typed it); defaults to the absolute root. */
  displayRoot?: string;
  /** Terminal width: long messages wrap with a hanging indent. Undefined (files, pipes): lines are not wrapped. */
  width?: number;
}

/** Problems beyond this many are summarised, so a broken workspace does not push the findings off screen. */
const maxProblemsShown = 10;

const where = (location: SourceLocation, withColumn = false) => {
  const r = toOneBased(location.range);
  return withColumn ? `${location.file}:${r.line}:${r.column}` : `${location.file}:${r.line}`;
};

const quoteList = (labels: readonly string[]) => (labels.length === 0 ? '(no labels)' : labels.join(', '));

function severityMark(severity: Severity, c: Palette): string {
  if (severity === 'error') return c.red('✖ error');
  if (severity === 'warning') return c.yellow('⚠ warning');
  return c.blue('ℹ info');
}

/** Labels the reference side lacks are highlighted, so a mismatch is visible in the table itself. */
function markLabels(labels: readonly string[], reference: readonly string[] | undefined, c: Palette): string {
  if (labels.length === 0) return '(no labels)';
  if (!reference) return labels.join(', ');
  const known = new Set(reference);
  return labels.map((label) => (known.has(label) ? label : c.red(label))).join(', ');
}

type Row = [source: string, what: string, labels: string];

function ormRow(use: OrmUse, reference: readonly string[] | undefined, c: Palette): Row {
  const name = use.binding.source.kind === 'class' ? `Enum(${use.binding.source.localName})` : 'Enum(...)';
  const what = `${use.binding.attribute} ${name} ${c.dim(where(use.binding.location))}`;
  if (use.persisted.ok) return ['orm', what, markLabels(use.persisted.labels, reference, c)];
  return ['orm', what, use.persisted.unresolved ? c.dim(`? ${use.persisted.error}`) : c.red(`fails at import: ${use.persisted.error}`)];
}

function migrationRow(label: string, truth: MigrationTruth, reference: readonly string[] | undefined, c: Palette): Row {
  const at = truth.lastChangedAt ?? truth.createdAt;
  // Alembic file names usually start with the revision id; repeating it would only widen the table.
  const revision = truth.revision && !(at && at.file.includes(truth.revision)) ? ` ${truth.revision}` : '';
  const what = `${label}${revision}${at ? ` ${c.dim(where(at))}` : ''}`;
  return ['migrations', what, markLabels(truth.labels, reference, c)];
}

function databaseRow(model: EnumTypeModel, c: Palette): Row {
  if (!model.database) return ['database', c.dim('type does not exist'), ''];
  const columns = model.dbColumns.map((column) => `${column.table}.${column.column}`).join(', ') || c.dim('no column uses it');
  const rows = rowsPerLabel(model);
  if (!rows) return ['database', columns, quoteList(model.database.labels)];
  const known = new Set(model.database.labels);
  const stored = [...rows.counts.keys()].filter((label) => !known.has(label));
  const rowCount = (label: string) => `${rows.exact ? '' : '≈'}${plural(rows.counts.get(label) ?? 0, 'row')}`;
  const cells = [
    ...model.database.labels.map((label) => `${label} (${rowCount(label)})`),
    ...stored.map((label) => c.red(`${label} (${rowCount(label)}, not a label)`)),
  ];
  return ['database', rows.exact ? columns : `${columns} ${c.dim('(estimated)')}`, cells.join(', ')];
}

function truthTable(model: EnumTypeModel, hasDatabase: boolean, c: Palette): Row[] {
  const reference = model.database?.labels ?? model.migrations?.labels;
  const rows: Row[] = model.orm.map((use) => ormRow(use, reference, c));
  if (model.migrations) rows.push(migrationRow('head', model.migrations, model.database?.labels, c));
  else rows.push(['migrations', c.dim('no migration creates this type'), '']);
  const atDatabase = model.migrationsAtDatabaseRevision;
  if (atDatabase && atDatabase.labels.join('\u0000') !== model.migrations?.labels.join('\u0000')) rows.push(migrationRow('at database revision', atDatabase, model.database?.labels, c));
  if (hasDatabase) rows.push(databaseRow(model, c));
  return rows;
}

function renderRows(rows: Row[], c: Palette): string[] {
  const sourceWidth = Math.max(...rows.map((row) => row[0].length));
  const whatWidth = Math.max(...rows.map((row) => visibleLength(row[1])));
  return rows.map(([source, what, labels]) => {
    const line = `    ${c.dim(source.padEnd(sourceWidth))}  ${what}${' '.repeat(whatWidth - visibleLength(what))}  ${labels}`;
    return line.trimEnd();
  });
}

/** Splits `text` into lines of at most `width` columns, continuation lines indented; unchanged without a width. */
function wrap(text: string, indent: number, width: number | undefined): string[] {
  if (!width || visibleLength(text) <= width) return [text];
  const words = text.split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && visibleLength(candidate) > width) {
      lines.push(current);
      current = `${' '.repeat(indent)}${word}`;
    } else {
      current = candidate;
    }
  }
  lines.push(current);
  return lines;
}

const firstFix = (finding: Finding) => finding.fixes.find((candidate) => candidate.isPreferred) ?? finding.fixes[0];

/**
 * Each finding on one (wrapped) line: mark, location, rule, message; then its first fix. Consecutive findings
 * with the same fix (persist-mismatch and unloadable-rows on one column) show that fix once, after the last.
 */
function findingLines(findings: readonly Finding[], c: Palette, width: number | undefined): string[] {
  const lines: string[] = [];
  findings.forEach((finding, index) => {
    const head = `  ${severityMark(finding.severity, c)} ${c.bold(where(finding.location, true))} ${c.dim(finding.rule)}  ${finding.message}`;
    lines.push(...wrap(head, 6, width));
    const fix = firstFix(finding);
    const next = findings[index + 1];
    if (fix && !(next && firstFix(next)?.title === fix.title)) lines.push(...wrap(`      ${c.green('fix:')} ${fix.title}`, 11, width));
  });
  return lines;
}

/** True when ORM, migrations and database (where present) hold the same labels in the same order. */
function agrees(model: EnumTypeModel): string[] | undefined {
  const sides: string[][] = [];
  for (const use of model.orm) if (use.persisted.ok) sides.push(use.persisted.labels); else return undefined;
  if (model.migrations) sides.push(model.migrations.labels);
  if (model.database) sides.push(model.database.labels);
  if (sides.length === 0) return undefined;
  const first = sides[0].join('\u0000');
  return sides.every((side) => side.join('\u0000') === first) ? sides[0] : undefined;
}

function groupLines(group: EnumTypeGroup, hasDatabase: boolean, c: Palette, width?: number): string[] {
  const counts = countBySeverity(group.findings);
  if (group.findings.length === 0 && group.model) {
    const labels = agrees(group.model);
    const sides = [group.model.orm.length > 0 ? 'orm' : '', group.model.migrations ? 'migrations' : '', group.model.database ? 'database' : ''].filter(Boolean);
    if (labels) return [`${c.green('✔')} ${c.bold(group.key)}  ${c.dim(`${sides.join(' = ')}:`)} ${quoteList(labels)}`];
  }
  const tally = [counts.errors ? c.red(plural(counts.errors, 'error')) : '', counts.warnings ? c.yellow(plural(counts.warnings, 'warning')) : '', counts.infos ? c.blue(plural(counts.infos, 'note')) : '']
    .filter(Boolean).join(', ');
  const lines = [`${c.bold(group.key)}${tally ? `  ${tally}` : ''}`];
  if (group.model) lines.push(...renderRows(truthTable(group.model, hasDatabase, c), c));
  lines.push(...findingLines(group.findings, c, width));
  return lines;
}

function problemLines(problems: readonly ParseProblem[], c: Palette): string[] {
  if (problems.length === 0) return [];
  const lines = [c.bold(`Problems (${problems.length})`)];
  for (const problem of problems.slice(0, maxProblemsShown)) {
    lines.push(`  ${severityMark(problem.severity, c)} ${where(problem, true)}  ${problem.message}`);
  }
  if (problems.length > maxProblemsShown) lines.push(c.dim(`  … and ${problems.length - maxProblemsShown} more (--format json lists them all)`));
  return lines;
}

function summaryLine(input: ReportInput, c: Palette): string {
  const { findings, problems } = input.analysis;
  const counts = countBySeverity(findings);
  const typesWithFindings = new Set(findings.map((finding) => finding.enumType)).size;
  const parts = [counts.errors ? c.red(plural(counts.errors, 'error')) : '', counts.warnings ? c.yellow(plural(counts.warnings, 'warning')) : '', counts.infos ? plural(counts.infos, 'note') : '']
    .filter(Boolean);
  const head = counts.total === 0
    ? `${c.green('No findings')} in ${plural(input.analysis.types.length, 'enum type')}`
    : `${plural(counts.total, 'finding')} (${parts.join(', ')}) in ${plural(typesWithFindings, 'enum type')}`;
  const tail = [`${plural(input.filesIndexed, 'file')} checked`, `${(input.elapsedMs / 1000).toFixed(2)} s`];
  if (problems.length > 0) tail.splice(1, 0, plural(problems.length, 'problem'));
  return [head, ...tail].join(' · ');
}

function headerLine(input: ReportInput, options: TextOptions, c: Palette): string {
  const { database, alembic } = input.analysis;
  const parts = [`${c.bold('EnumGuard')} ${input.toolVersion}`, options.displayRoot ?? input.root];
  parts.push(database ? `database: ${database.description} (PostgreSQL ${database.serverVersion})` : c.dim('no database (models vs migrations only; --db to compare)'));
  if (alembic.heads.length === 1) parts.push(`alembic head ${alembic.heads[0]}`);
  else if (alembic.heads.length > 1) parts.push(c.yellow(`alembic heads ${alembic.heads.join(', ')}`));
  const dbRevisions = database?.alembicVersions ?? [];
  if (dbRevisions.length > 0 && dbRevisions.join() !== alembic.heads.join()) parts.push(c.yellow(`database at ${dbRevisions.join(', ')}`));
  return parts.join(' · ');
}

/** The text report, lines joined with "\n" and a final newline. */
export function renderText(input: ReportInput, options: TextOptions): string {
  const c = palette(options.color);
  const hasDatabase = input.analysis.database !== undefined;
  const notes = (input.analysis.database?.notes ?? []).map((note) => c.dim(`  note: ${note}`));
  const blocks: string[][] = [[headerLine(input, options, c), ...notes]];
  const groups = groupByEnumType(input.analysis);
  const flagged = groups.filter((group) => group.findings.length > 0 || !group.model || !agrees(group.model));
  const clean = groups.filter((group) => !flagged.includes(group));
  for (const group of flagged) blocks.push(groupLines(group, hasDatabase, c, options.width));
  // Types on which all truths agree take one line each, together, so they never crowd out the problems.
  if (clean.length > 0) blocks.push(clean.flatMap((group) => groupLines(group, hasDatabase, c)));
  const problems = problemLines(input.analysis.problems, c);
  if (problems.length > 0) blocks.push(problems);
  blocks.push([summaryLine(input, c)]);
  return `${blocks.map((block) => block.join('\n')).join('\n\n')}\n`;
}
