// Reads one workspace file from disk and extracts its facts; binary, oversized and unreadable files become a
// located problem instead of facts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileFacts } from '../model/types';
import { emptyFacts, extractFile, fileProblem, maxFileBytes, type ExtractOptions } from './extractFile';

export function readAndExtract(root: string, rel: string, options?: ExtractOptions): FileFacts {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(path.join(root, rel));
    if (stat.size > maxFileBytes) {
      return withProblem(rel, `skipped: ${(stat.size / 1024 / 1024).toFixed(1)} MB is over EnumGuard's ${maxFileBytes / 1024 / 1024} MB limit per file`);
    }
    bytes = fs.readFileSync(path.join(root, rel));
  } catch (error) {
    return withProblem(rel, `unreadable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (looksBinary(bytes)) return withProblem(rel, 'skipped: binary content');
  // Invalid UTF-8 becomes U+FFFD: the rest of the file still yields facts.
  return extractFile(rel, bytes.toString('utf8'), options);
}

function withProblem(rel: string, message: string): FileFacts {
  const facts = emptyFacts(rel);
  facts.problems.push(fileProblem(rel, message));
  return facts;
}

function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8000);
  return head.includes(0);
}
