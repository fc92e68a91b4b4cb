// Renders the enum map (every type with ORM, migrations and database labels) as static HTML for the webview.
// Pure and vscode-free, so it can be tested; every value is escaped and the page runs only nonce'd code.
import type { EnumMapResult, EnumMapType } from '../../../server/src/protocol';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}

function labelList(labels: string[] | undefined, reference: string[] | undefined): string {
  if (!labels) return '<span class="none">—</span>';
  return labels.map((label) => {
    const odd = reference && !reference.includes(label);
    return `<code class="${odd ? 'odd' : ''}">${escapeHtml(label)}</code>`;
  }).join(' ');
}

function typeSection(type: EnumMapType, focused: boolean): string {
  const orm = type.orm.find((use) => Array.isArray(use.persisted));
  const ormLabels = orm && Array.isArray(orm.persisted) ? orm.persisted : undefined;
  const reference = ormLabels ?? type.migrations?.labels;
  const link = (file: string, line?: number) =>
    `<a href="#" data-folder="${escapeHtml(type.folderUri)}" data-file="${escapeHtml(file)}" data-line="${line ?? 1}">${escapeHtml(file)}${line ? `:${line}` : ''}</a>`;
  const ormRows = type.orm.map((use) => `<tr><th>ORM <code>${escapeHtml(use.attribute)}</code> ${link(use.file, use.line)}</th><td>${Array.isArray(use.persisted) ? labelList(use.persisted, undefined) : `<span class="error">${escapeHtml(use.persisted.error)}</span>`}</td></tr>`).join('');
  const migrationRow = `<tr><th>migrations${type.migrations?.file ? ` ${link(type.migrations.file, type.migrations.line)}` : ''}</th><td>${labelList(type.migrations?.labels, reference)}</td></tr>`;
  const databaseRow = `<tr><th>database</th><td>${labelList(type.database?.labels, reference)}</td></tr>`;
  const rowCounts = Object.entries(type.rows);
  const rowsRow = rowCounts.length > 0 ? `<tr><th>rows</th><td>${rowCounts.map(([label, count]) => `<code>${escapeHtml(label)}</code> ${count}`).join(' · ')}</td></tr>` : '';
  const findings = type.findings.length > 0
    ? `<ul>${type.findings.map((f) => `<li class="${escapeHtml(f.severity)}"><b>${escapeHtml(f.rule)}</b> ${escapeHtml(f.message)} ${link(f.file, f.line)}</li>`).join('')}</ul>`
    : '<p class="ok">The three truths agree.</p>';
  return `<section id="type-${escapeHtml(type.key)}" class="${focused ? 'focused' : ''}"><h2>${escapeHtml(type.key)}</h2><table>${ormRows}${migrationRow}${databaseRow}${rowsRow}</table>${findings}</section>`;
}

export function enumMapHtml(map: EnumMapResult, nonce: string, cspSource: string, focusType?: string): string {
  const status = `${escapeHtml(map.status.description)} · ${map.status.errors} error(s), ${map.status.warnings} warning(s)`;
  const body = map.types.length > 0 ? map.types.map((type) => typeSection(type, type.key === focusType)).join('\n') : '<p>No enum types found (yet).</p>';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource}; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>EnumGuard: Enum Map</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
section { border-bottom: 1px solid var(--vscode-panel-border); padding: 0.5em 0; }
section.focused h2 { color: var(--vscode-textLink-foreground); }
th { text-align: left; font-weight: normal; padding-right: 1em; vertical-align: top; }
code.odd { outline: 1px solid var(--vscode-inputValidation-errorBorder); }
.error { color: var(--vscode-errorForeground); }
li.error b { color: var(--vscode-errorForeground); }
li.warning b { color: var(--vscode-editorWarning-foreground); }
.ok { color: var(--vscode-testing-iconPassed); }
</style></head>
<body>
<h1>Enum map</h1>
<p>Database: ${status} <button id="refresh">Refresh</button></p>
${body}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('refresh').addEventListener('click', () => vscode.postMessage({ command: 'refresh' }));
for (const a of document.querySelectorAll('a[data-file]')) {
  a.addEventListener('click', (event) => {
    event.preventDefault();
    vscode.postMessage({ command: 'open', folderUri: a.dataset.folder, file: a.dataset.file, line: Number(a.dataset.line) });
  });
}
const focused = document.querySelector('section.focused');
if (focused) focused.scrollIntoView();
</script>
</body></html>`;
}
