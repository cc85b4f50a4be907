import type { OwnFiles, WritableFile } from '@/lib/own-files';

function notFound(name: string): DOMException {
  return new DOMException(`${name} was not found`, 'NotFoundError');
}

/**
 * CaseClock's own files on disk, kept in memory: a file's writes land when closed, as the
 * browser's do, and a disk answers later than asked.
 */
export class MemoryFiles implements OwnFiles {
  readonly files = new Map<string, Blob>();
  /** What was done to the files, in order: `write`, `close`, `abort`, `getFile`, `remove`. */
  readonly events: string[] = [];

  getFileHandle(name: string, options: { create?: boolean } = {}): Promise<WritableFile> {
    if (!this.files.has(name)) {
      if (!options.create) return Promise.reject(notFound(name));
      this.files.set(name, new Blob([]));
    }
    return Promise.resolve({
      createWritable: () => {
        const written: Blob[] = [];
        return Promise.resolve({
          write: async (chunk: Uint8Array<ArrayBuffer> | Blob) => {
            await new Promise((resolve) => setTimeout(resolve, 1));
            // Bytes, whichever Blob the page had (happy-dom's, Node's).
            const bytes = chunk instanceof Uint8Array ? chunk.slice() : await chunk.arrayBuffer();
            written.push(new Blob([bytes]));
            this.events.push('write');
          },
          close: () => {
            this.files.set(name, new Blob(written));
            this.events.push('close');
            return Promise.resolve();
          },
          abort: () => {
            this.events.push('abort');
            return Promise.resolve();
          },
        });
      },
      getFile: () => {
        this.events.push('getFile');
        const file = this.files.get(name);
        return file ? Promise.resolve(file) : Promise.reject(notFound(name));
      },
    });
  }

  removeEntry(name: string): Promise<void> {
    this.events.push('remove');
    return this.files.delete(name) ? Promise.resolve() : Promise.reject(notFound(name));
  }
}
