// The SARIF 2.1.0 oracles for tests: the JSON schema and the validator that Microsoft's SARIF SDK ships in the
// @microsoft/sarif-multitool npm package (its platform package holds sarif-2.1.0.json and the Sarif.Multitool binary).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020';

const require = createRequire(__filename);

/** Folder of the installed platform package, or undefined where no build exists for this platform. */
export function multitoolFolder(): string | undefined {
  try {
    const binary: string = require('@microsoft/sarif-multitool');
    return fs.existsSync(binary) ? path.dirname(binary) : undefined;
  } catch {
    return undefined;
  }
}

export function multitoolBinary(): string | undefined {
  const folder = multitoolFolder();
  if (!folder) return undefined;
  const binary = path.join(folder, process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
  // npm may skip the package's postinstall (which only sets the executable bit), so set it here.
  if (process.platform !== 'win32') fs.chmodSync(binary, 0o755);
  return binary;
}

/** A validator for the official schema. Formats are checked too, with small explicit implementations. */
export function sarifValidator() {
  const folder = multitoolFolder();
  if (!folder) throw new Error('@microsoft/sarif-multitool is not installed for this platform: run npm install');
  const schema = JSON.parse(fs.readFileSync(path.join(folder, 'sarif-2.1.0.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => !/\s/.test(value) && URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value));
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  return ajv.compile(schema);
}
