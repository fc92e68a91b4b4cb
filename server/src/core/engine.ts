// The engine's public surface, used by the CLI, the language server and the tests.
import { initPythonParser } from './parse/python';
import { initSqlParser } from './parse/sql';

export { analyze } from './model/analyze';
export { extractFile } from './workspace/extractFile';
export { WorkspaceIndex } from './workspace/workspaceIndex';
export { checkWorkspace } from './workspace/checkWorkspace';
export type { Analysis, EnumTypeModel, OrmUse } from './model/analysis';

/** Loads the WASM parsers (tree-sitter Python, libpg-query) once per process. */
export async function initEngine(): Promise<void> {
  await Promise.all([initPythonParser(), initSqlParser()]);
}
