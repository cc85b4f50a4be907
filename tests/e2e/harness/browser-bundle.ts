import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const BROWSER_ENTRY = fileURLToPath(new URL('../../browser/index.ts', import.meta.url));
export const BROWSER_GLOBAL = 'CaseClockTest';

/** Bundles `tests/browser/` (and the lib code it uses) into one script for a browser page. */
export async function browserBundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    resolve: { alias: { '@': ROOT } },
    build: {
      write: false,
      minify: false,
      lib: {
        entry: BROWSER_ENTRY,
        name: BROWSER_GLOBAL,
        formats: ['iife'],
        fileName: () => 'x.js',
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((part) => part.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('the browser bundle came out empty');
  return chunk.code;
}
