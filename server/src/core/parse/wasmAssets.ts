// Finds a .wasm asset: beside the running bundle (dist/, the packaged extension) first, then in node_modules
// (tests run the TypeScript sources directly).
import * as fs from 'node:fs';
import * as path from 'node:path';

export function locateWasm(fileName: string, packageSubpath: string): string {
  const besideBundle = path.join(__dirname, fileName);
  if (fs.existsSync(besideBundle)) return besideBundle;
  return require.resolve(packageSubpath);
}
