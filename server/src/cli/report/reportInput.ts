// What every reporter receives, and the conversions they share: 0-based internal ranges to the 1-based
// positions users and CI tools read, findings grouped per enum type, and the summary counts.
import type { Analysis, EnumTypeModel } from '../../core/model/analysis';
import type { Finding, Severity, SourceRange } from '../../core/model/types';
import { compareImpact } from '../../core/rules/impact';

export interface ReportInput {
  analysis: Analysis;
  /** Absolute project root (PATH); files in the analysis are relative to it. */
  root: string;
  filesIndexed: number;
  elapsedMs: number;
  toolVersion: string;
}

/** 1-based line and column; `endColumn` is exclusive (the column just after the range), as in SARIF. */
export interface OneBasedRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function toOneBased(range: SourceRange): OneBasedRange {
  return { line: range.line + 1, column: range.column + 1, endLine: range.endLine + 1, endColumn: range.endColumn + 1 };
}

export interface SeverityCounts {
  total: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function countBySeverity(items: readonly { severity: Severity }[]): SeverityCounts {
  const counts: SeverityCounts = { total: items.length, errors: 0, warnings: 0, infos: 0 };
  for (const item of items) {
    if (item.severity === 'error') counts.errors++;
    else if (item.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

export interface EnumTypeGroup {
  key: string;
  model?: EnumTypeModel;
  findings: Finding[];
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings in reading order: by severity, then file, then position. */
export function compareFindings(a: Finding, b: Finding): number {
  return severityRank[a.severity] - severityRank[b.severity]
    || a.location.file.localeCompare(b.location.file)
    || a.location.range.line - b.location.range.line
    || a.location.range.column - b.location.range.column
    || a.rule.localeCompare(b.rule);
}

/**
 * One group per enum type: every modelled type plus any type only a finding names. The worst first (see
 * compareImpact), then in the order their first finding appears in the source (clean ones by name).
 */
export function groupByEnumType(analysis: Analysis): EnumTypeGroup[] {
  const groups = new Map<string, EnumTypeGroup>();
  for (const model of analysis.types) groups.set(model.key, { key: model.key, model, findings: [] });
  for (const finding of analysis.findings) {
    let group = groups.get(finding.enumType);
    if (!group) groups.set(finding.enumType, (group = { key: finding.enumType, findings: [] }));
    group.findings.push(finding);
  }
  const all = [...groups.values()];
  for (const group of all) group.findings.sort(compareFindings);

  const firstInSource = (a: EnumTypeGroup, b: EnumTypeGroup) => {
    const [x, y] = [a.findings[0]?.location, b.findings[0]?.location];
    if (!x || !y) return 0;
    return x.file.localeCompare(y.file) || x.range.line - y.range.line || x.range.column - y.range.column;
  };
  return all.sort((a, b) => compareImpact(a.findings, b.findings) || firstInSource(a, b) || a.key.localeCompare(b.key));
}

/** Row counts per label summed over every column using the type; `exact` false when any count is a sample. */
export function rowsPerLabel(model: EnumTypeModel): { counts: Map<string, number>; exact: boolean } | undefined {
  if (model.labelCounts.length === 0) return undefined;
  const counts = new Map<string, number>();
  let exact = true;
  for (const columnCounts of model.labelCounts) {
    exact &&= columnCounts.exact;
    for (const [label, rows] of Object.entries(columnCounts.counts)) counts.set(label, (counts.get(label) ?? 0) + rows);
  }
  return { counts, exact };
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
