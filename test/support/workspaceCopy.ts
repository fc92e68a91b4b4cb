// Test helpers over real files: copy a fixture folder to a temp dir, apply a Fix (edits + new file) to it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Fix, TextEdit } from '../../server/src/core/model/types';

export function copyToTemp(folder: string, prefix = 'enumguard-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(folder, dir, { recursive: true });
  return dir;
}

/** Offset in `text` of a 0-based line / UTF-16 column. */
export function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + column;
}

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.line - a.range.line || b.range.column - a.range.column);
  for (const edit of sorted) {
    const start = offsetAt(text, edit.range.line, edit.range.column);
    const end = offsetAt(text, edit.range.endLine, edit.range.endColumn);
    text = text.slice(0, start) + edit.newText + text.slice(end);
  }
  return text;
}

export function applyFix(root: string, fix: Fix): void {
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of fix.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  for (const [file, edits] of byFile) {
    const full = path.join(root, file);
    fs.writeFileSync(full, applyTextEdits(fs.readFileSync(full, 'utf8'), edits));
  }
  if (fix.newFile) {
    const full = path.join(root, fix.newFile.file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, fix.newFile.content);
  }
}
