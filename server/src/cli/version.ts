// The tool's version, read from package.json at build time (esbuild inlines the JSON into dist/cli.js).
import packageJson from '../../../package.json';

export const toolName = 'enumguard';
export const toolVersion: string = packageJson.version;
/** Base for links to the docs (rule sections), from the manifest's repository URL. */
export const repositoryUrl: string | undefined = (packageJson as { repository?: { url?: string } }).repository?.url;
