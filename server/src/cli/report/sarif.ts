// The SARIF 2.1.0 report, for GitHub code scanning and other CI viewers: rules up front, one result per finding
// with related locations and fixes, parse problems as tool notifications. Regions are 1-based, endColumn exclusive.
import { pathToFileURL } from 'node:url';
import type { Finding, Fix, ParseProblem, Severity, SourceLocation, SourceRange } from '../../core/model/types';
import { compareFindings, toOneBased, type ReportInput } from './reportInput';
import { ruleCatalog, ruleHelpUri, toolInformationUri } from './ruleCatalog';

const srcRoot = '%SRCROOT%';
export const sarifSchemaUri = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';
const levelOf = (severity: Severity): SarifLevel => (severity === 'info' ? 'note' : severity);

/** Workspace paths are POSIX and relative; SARIF wants URI references, so each segment is percent-encoded. */
function artifactUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function region(range: SourceRange) {
  const r = toOneBased(range);
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

function physicalLocation(location: SourceLocation) {
  return { artifactLocation: { uri: artifactUri(location.file), uriBaseId: srcRoot }, region: region(location.range) };
}

function sarifFix(fix: Fix) {
  const byFile = new Map<string, { deletedRegion: object; insertedContent: { text: string } }[]>();
  for (const edit of fix.edits) {
    const list = byFile.get(edit.file) ?? [];
    list.push({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } });
    byFile.set(edit.file, list);
  }
  const artifactChanges = [...byFile].map(([file, replacements]) => ({
    artifactLocation: { uri: artifactUri(file), uriBaseId: srcRoot },
    replacements,
  }));
  // A generated migration is a new file: an insertion at offset 0 of an artifact that does not exist yet.
  if (fix.newFile) {
    artifactChanges.push({
      artifactLocation: { uri: artifactUri(fix.newFile.file), uriBaseId: srcRoot },
      replacements: [{ deletedRegion: { charOffset: 0, charLength: 0 }, insertedContent: { text: fix.newFile.content } }],
    });
  }
  return artifactChanges.length > 0 ? { description: { text: fix.title }, artifactChanges } : undefined;
}

function sarifResult(finding: Finding, ruleIndex: Map<string, number>) {
  const fixes = finding.fixes.map(sarifFix).filter((fix) => fix !== undefined);
  return {
    ruleId: finding.rule,
    ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
    level: levelOf(finding.severity),
    message: { text: finding.message },
    locations: [{ physicalLocation: physicalLocation(finding.location) }],
    ...(finding.related.length > 0
      ? { relatedLocations: finding.related.map((related, id) => ({ id, physicalLocation: physicalLocation(related.location), message: { text: related.message } })) }
      : {}),
    ...(fixes.length > 0 ? { fixes } : {}),
    properties: { enumType: finding.enumType },
  };
}

function notification(problem: ParseProblem) {
  return {
    level: levelOf(problem.severity),
    message: { text: problem.message },
    locations: [{ physicalLocation: physicalLocation(problem) }],
    descriptor: { id: 'parse-problem' },
  };
}

/** The whole SARIF log as a plain object (what `--format sarif` prints). */
export function sarifReport(input: ReportInput) {
  const { analysis } = input;
  const ruleIndex = new Map(ruleCatalog.map((rule, index) => [rule.id as string, index]));
  const rootUri = pathToFileURL(input.root).href.replace(/\/?$/, '/');
  return {
    $schema: sarifSchemaUri,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'EnumGuard',
            version: input.toolVersion,
            semanticVersion: input.toolVersion,
            ...(toolInformationUri() ? { informationUri: toolInformationUri() } : {}),
            rules: ruleCatalog.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)([a-z])/g, (_m, _dash: string, letter: string) => letter.toUpperCase()),
              shortDescription: { text: rule.shortDescription },
              helpUri: ruleHelpUri(rule.id),
              defaultConfiguration: { level: levelOf(rule.defaultSeverity) },
            })),
            notifications: [
              { id: 'parse-problem', shortDescription: { text: 'A file could not be read completely (syntax error, unreadable bytes, Alembic graph problem).' } },
              { id: 'database-note', shortDescription: { text: 'The database snapshot is partial (sampled row counts, skipped schema-file statements).' } },
            ],
          },
        },
        originalUriBaseIds: { [srcRoot]: { uri: rootUri } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...analysis.problems.map(notification),
              // What the database snapshot could not do fully (sampled counts, skipped schema-file statements).
              ...(analysis.database?.notes ?? []).map((note) => ({ level: 'note', message: { text: note }, descriptor: { id: 'database-note' } })),
            ],
          },
        ],
        results: [...analysis.findings].sort(compareFindings).map((finding) => sarifResult(finding, ruleIndex)),
      },
    ],
  };
}

export function renderSarif(input: ReportInput): string {
  return `${JSON.stringify(sarifReport(input), null, 2)}\n`;
}
