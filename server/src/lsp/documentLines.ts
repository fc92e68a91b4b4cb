// Reads one line of a document: from the open editor buffer when there is one (unsaved text wins), else from disk.
import * as fs from 'node:fs';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { uriToFsPath } from './uris';

/** Disk files larger than this are not read just to show a hover. */
const maxBytes = 5 * 1024 * 1024;

export function lineReader(documents: TextDocuments<TextDocument>): (uri: string, line: number) => string | undefined {
  return (uri, line) => {
    const document = documents.get(uri);
    if (document) {
      if (line >= document.lineCount) return undefined;
      return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
    }
    const fsPath = uriToFsPath(uri);
    if (!fsPath) return undefined;
    try {
      if (fs.statSync(fsPath).size > maxBytes) return undefined;
      return fs.readFileSync(fsPath, 'utf8').split(/\r?\n/)[line];
    } catch {
      return undefined;
    }
  };
}
