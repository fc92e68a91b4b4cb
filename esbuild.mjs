// Bundles the client, the language server and the CLI into dist/, and copies the WASM assets beside them.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const watch = process.argv.includes('--watch');
const dist = path.resolve('dist');
fs.mkdirSync(dist, { recursive: true });

// esbuild picks the ESM builds of web-tree-sitter and PGlite even in a CommonJS bundle, where import.meta.url
// is empty; give them the bundle's own URL so they find their .wasm files.
const importMetaShim = {
  banner: { js: "const __importMetaUrl=require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['vscode'],
  ...importMetaShim,
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node\n' + importMetaShim.banner.js } },
].filter((entry) => fs.existsSync(entry.entryPoints[0]));

const wasmAssets = [
  'node_modules/web-tree-sitter/web-tree-sitter.wasm',
  'node_modules/tree-sitter-python/tree-sitter-python.wasm',
  'node_modules/libpg-query/wasm/libpg-query.wasm',
];
for (const asset of wasmAssets) fs.copyFileSync(asset, path.join(dist, path.basename(asset)));
// PGlite's data files (pglite.wasm, pglite.data, initdb.wasm, ...) must sit beside the bundle too.
const pgliteDist = 'node_modules/@electric-sql/pglite/dist';
for (const name of fs.readdirSync(pgliteDist)) {
  if (/\.(wasm|data)$/.test(name)) fs.copyFileSync(path.join(pgliteDist, name), path.join(dist, name));
}

// The catalog queries are .sql files read at run time (server/src/db/queries.ts): ship them in dist/queries/.
fs.mkdirSync(path.join(dist, 'queries'), { recursive: true });
for (const name of fs.readdirSync('server/src/db/queries')) {
  if (name.endsWith('.sql')) fs.copyFileSync(path.join('server/src/db/queries', name), path.join(dist, 'queries', name));
}

if (watch) {
  for (const entry of entries) await (await esbuild.context({ ...common, ...entry })).watch();
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
  fs.chmodSync('dist/cli.js', 0o755);
}
