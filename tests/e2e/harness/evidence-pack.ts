import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** An evidence pack's manifest.json, as much of it as the tests read. */
export interface PackManifest {
  files: {
    path: string;
    kind: string;
    size: number;
    sha256: string;
    url?: string;
    shows: string[];
    recordedSha256?: string;
    matchesRecord?: boolean;
  }[];
}

/**
 * Opens a downloaded evidence pack and checks it as a marketplace reviewer could: the zip holds
 * exactly the files its manifest lists, each with the size and SHA-256 the manifest gives.
 */
export function checkedPack(zip: Uint8Array): {
  manifest: PackManifest;
  files: Record<string, Uint8Array>;
} {
  const files = unzipSync(zip);
  const manifest = JSON.parse(
    strFromU8(files['manifest.json'] ?? new Uint8Array()),
  ) as PackManifest;
  expect(Object.keys(files).sort()).toEqual(
    [...manifest.files.map((file) => file.path), 'manifest.json'].sort(),
  );
  for (const entry of manifest.files) {
    const bytes = files[entry.path] ?? new Uint8Array();
    expect(sha256(bytes), entry.path).toBe(entry.sha256);
    expect(bytes.byteLength, entry.path).toBe(entry.size);
  }
  return { manifest, files };
}
