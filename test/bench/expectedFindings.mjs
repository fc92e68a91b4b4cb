// Checks the CLI's findings on a generated workspace against the mistakes the generator planted, so a fast
// run that finds nothing (or floods with false positives) cannot pass for a good one.

/** A finding explains a column mistake when it is in the same file, on the declaration's lines, for its type. */
const matchesColumn = (finding, mistake) =>
  finding.file === mistake.file && finding.enumType === mistake.enumType && finding.line >= mistake.line && finding.line <= mistake.line + 4;

export function compareWithManifest(report, manifest) {
  const findings = report.findings ?? [];
  const columnMistakes = manifest.mistakes.filter((m) => m.file);
  const found = columnMistakes.filter((m) => findings.some((f) => matchesColumn(f, m) && f.rule === m.expectedRule));
  const strayTypes = new Set(manifest.strayTypes);
  const flagged = [...strayTypes].filter((type) => findings.some((f) => f.enumType === type && f.rule === 'persist-mismatch'));
  const unexpected = findings.filter((f) => !strayTypes.has(f.enumType) && !columnMistakes.some((m) => matchesColumn(f, m)));
  const byRule = {};
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return {
    total: findings.length, byRule,
    columnMistakes: columnMistakes.length, columnMistakesFound: found.length,
    missed: columnMistakes.filter((m) => !found.includes(m)).slice(0, 10),
    strayTypes: strayTypes.size, strayTypesFlagged: flagged.length,
    unexpected: unexpected.slice(0, 10).map((f) => ({ rule: f.rule, file: f.file, line: f.line, enumType: f.enumType, message: f.message })),
  };
}
