// Converts between LSP document URIs and the workspace-relative POSIX paths the engine speaks.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** file:///work/app/models.py -> /work/app/models.py; undefined for other schemes (untitled:, git:). */
export function uriToFsPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function fsPathToUri(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}

/** The path of `fsPath` relative to `root` in POSIX form, or undefined when it lies outside `root`. */
export function relativeToRoot(root: string, fsPath: string): string | undefined {
  const relative = path.relative(root, fsPath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/** Workspace-relative POSIX path -> file URI. */
export function relativeToUri(root: string, relPath: string): string {
  return fsPathToUri(path.join(root, ...relPath.split('/')));
}
