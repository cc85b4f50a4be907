import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where screenshots go: `.artifacts/<run>/`, outside the source tree and ignored by git. */
export function artifactsDir(run: string): string {
  const dir = join(fileURLToPath(new URL('../../.artifacts', import.meta.url)), run);
  mkdirSync(dir, { recursive: true });
  return dir;
}
