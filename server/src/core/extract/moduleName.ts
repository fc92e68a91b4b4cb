// Dotted Python module names for workspace files, so imports between files can be resolved.
// A project root may be the repository root or a sub-folder, hence the list of aliases.

/** "app/models/user.py" -> "app.models.user"; "app/__init__.py" -> "app". */
export function moduleNameFor(file: string): string {
  const parts = file.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  const last = (parts.pop() ?? '').replace(/\.pyi?$/, '');
  if (last !== '__init__') parts.push(last);
  return parts.join('.');
}

/** True for a package's `__init__.py`: its module is the package itself (relative imports start there). */
export function isPackageInit(file: string): boolean {
  return /(^|\/)__init__\.pyi?$/.test(file.replace(/\\/g, '/'));
}

/** The module name plus the names without leading folders: "backend/app/enums.py" -> ["backend.app.enums", "app.enums", "enums"]. */
export function moduleAliasesFor(file: string): string[] {
  const parts = moduleNameFor(file).split('.').filter((p) => p !== '');
  return parts.map((_, i) => parts.slice(i).join('.'));
}
