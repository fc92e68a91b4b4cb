// Runs the CLI once under `node --cpu-prof` and summarises where its time goes: self time per function and per
// source file, bundle positions mapped back to server/src through dist/cli.js.map.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sourceMapLookup } from './sourceMap.mjs';
import { round } from './stats.mjs';

/** Names a frame: its TypeScript source when it comes from the bundle, else its runtime category. */
function frameOwner(callFrame, bundleUrl, lookup) {
  const { url, functionName, lineNumber, columnNumber } = callFrame;
  if (!url) return { file: functionName || '(anonymous native)', where: functionName || '(native)' };
  if (url.startsWith('wasm://')) return { file: '(WebAssembly)', where: `wasm ${functionName}` };
  if (url.startsWith('node:')) return { file: `(node internals) ${url}`, where: `${functionName || '(anonymous)'} ${url}` };
  if (url === bundleUrl && lookup) {
    const mapped = lookup(lineNumber, columnNumber);
    if (mapped) {
      const source = mapped.source.replace(/^(\.\.\/)+/, '');
      return { file: source, where: `${functionName || '(anonymous)'} ${source}:${mapped.line0 + 1}` };
    }
  }
  return { file: url, where: `${functionName || '(anonymous)'} ${url}:${lineNumber + 1}` };
}

export function summarizeProfile(profile, bundlePath, { top = 15, withinFunction } = {}) {
  const bundleUrl = pathToFileURL(bundlePath).href;
  let lookup;
  try {
    lookup = sourceMapLookup(JSON.parse(fs.readFileSync(`${bundlePath}.map`, 'utf8')));
  } catch {
    lookup = undefined; // no map: bundle offsets are still reported
  }
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  // DevTools attributes the interval up to the next sample to the current one.
  for (let i = 0; i < profile.samples.length; i += 1) {
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + delta);
  }
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  // WebAssembly frames carry no names; the JavaScript frame that called into them says which module it is.
  const wasmCaller = (id) => {
    for (let at = parentOf.get(id); at !== undefined; at = parentOf.get(at)) {
      const frame = nodes.get(at).callFrame;
      if (!frame.url || frame.url.startsWith('wasm://')) continue;
      const owner = frameOwner(frame, bundleUrl, lookup).file;
      if (owner !== frame.url) return owner; // the first caller that maps to a source file names the module
    }
    return 'unknown caller';
  };
  // Optionally keep only samples taken inside one function (e.g. the server's debounced `flush`: the edit path).
  const inside = new Map();
  const isInside = (id) => {
    if (!withinFunction) return true;
    if (inside.has(id)) return inside.get(id);
    const parent = parentOf.get(id);
    const result = nodes.get(id).callFrame.functionName === withinFunction || (parent !== undefined && isInside(parent));
    inside.set(id, result);
    return result;
  };
  const wasmModule = (callerFile) => (/web-tree-sitter/.test(callerFile) ? 'tree-sitter' : /libpg-query/.test(callerFile) ? 'libpg-query' : callerFile);
  const byFunction = new Map();
  const byFile = new Map();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    if (!isInside(id)) continue;
    const owner = frameOwner(nodes.get(id).callFrame, bundleUrl, lookup);
    if (owner.file === '(WebAssembly)') {
      const module = wasmModule(wasmCaller(id));
      owner.file = `(WebAssembly: ${module})`;
      owner.where = `${owner.where} (${module})`;
    }
    byFunction.set(owner.where, (byFunction.get(owner.where) ?? 0) + us);
    byFile.set(owner.file, (byFile.get(owner.file) ?? 0) + us);
    totalUs += us;
  }
  const ranked = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([name, us]) => ({ name, selfMs: round(us / 1000), percent: round((100 * us) / totalUs) }));
  return { totalMs: round(totalUs / 1000), functions: ranked(byFunction), files: ranked(byFile) };
}

/** One profiled CLI run over `workspace`; the .cpuprofile is kept in `outDir` for DevTools. */
export function profileCli({ cliPath, workspace, outDir }) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const result = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${outDir}`, '--cpu-prof-name=cli.cpuprofile', cliPath, 'check', workspace, '--format', 'json'], {
    stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8',
  });
  const file = path.join(outDir, 'cli.cpuprofile');
  if (!fs.existsSync(file)) throw new Error(`no CPU profile written (exit ${result.status}): ${result.stderr.split('\n')[0]}`);
  return { file, ...summarizeProfile(JSON.parse(fs.readFileSync(file, 'utf8')), cliPath) };
}
