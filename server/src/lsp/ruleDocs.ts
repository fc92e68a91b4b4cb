// Where a rule's documentation lives: docs/rules.md inside the installed extension, one section per rule id.
// The server bundle is dist/server.js, so the docs sit one folder up from __dirname.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export function ruleDocumentationHref(ruleId: string): string {
  return `${pathToFileURL(path.join(__dirname, '..', 'docs', 'rules.md')).href}#${ruleId}`;
}
