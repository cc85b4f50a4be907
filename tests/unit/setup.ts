// IndexedDB for Dexie, imported here rather than named in setupFiles: as a bare package name there,
// StrykerJS's Vitest runner (its own setup file goes first) saw every planted bug survive.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
