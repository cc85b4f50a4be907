import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { WritableFile } from '../own-files';

/**
 * The moment ZIP entries are stamped with. ZIP stores a wall-clock time without a zone, which
 * fflate takes from the local clock; giving it the buyer's wall-clock time of `at` makes
 * the bytes the same on any machine.
 */
export function zipTime(at: string, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  return new Date(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
}

/** A file goes into the ZIP in slices of this size, so progress moves within a large one. */
const SLICE_SIZE = 1024 * 1024;

/** Where a ZIP's bytes go as they are written, in order. */
export interface ZipSink {
  write(chunk: Uint8Array): void;
  /** Resolves once every byte written so far is where it goes. */
  flush(): Promise<void>;
  /** The whole ZIP, once flushed. */
  finish(): Promise<Blob>;
}

/**
 * A ZIP gathered into a Blob, once per file: the browser may keep it out of the script's
 * memory, but Chromium holds a Blob in memory until its blob storage is full.
 */
export function blobSink(): ZipSink {
  let written = new Blob([]);
  let pending: Uint8Array[] = [];
  const gather = () => {
    written = new Blob([written, ...(pending as Uint8Array<ArrayBuffer>[])]);
    pending = [];
  };
  return {
    write: (chunk) => {
      pending.push(chunk);
    },
    flush: () => {
      gather();
      return Promise.resolve();
    },
    finish: () => {
      gather();
      return Promise.resolve(new Blob([written], { type: 'application/zip' }));
    },
  };
}

/**
 * A ZIP written to a file on disk as it is made, so however large it grows, only what is on
 * its way is in memory; the File it gives is read from the disk.
 */
export async function fileSink(file: WritableFile): Promise<ZipSink> {
  const stream = await file.createWritable();
  let writing = Promise.resolve();
  return {
    write: (chunk) => {
      writing = writing.then(() => stream.write(chunk as Uint8Array<ArrayBuffer>));
    },
    flush: () => writing,
    finish: async () => {
      await writing;
      await stream.close();
      return file.getFile();
    },
  };
}

/** A ZIP as it is written, one file after the other, into `sink`. */
export class ZipWriter {
  private readonly zip = new Zip((error, chunk) => {
    if (error) throw error;
    this.sink.write(chunk);
  });

  constructor(
    private readonly mtime: Date,
    private readonly sink: ZipSink = blobSink(),
  ) {}

  /** Adds a file, stored as it is or deflated; `onSlice` hears how many of its bytes are in. */
  add(path: string, bytes: Uint8Array, stored: boolean, onSlice?: (bytesIn: number) => void) {
    // Stryker disable next-line ObjectLiteral: 6 is fflate's default level, named for the reader
    const file = stored ? new ZipPassThrough(path) : new ZipDeflate(path, { level: 6 });
    file.mtime = this.mtime;
    this.zip.add(file);
    // Always the same slices for the same bytes, so the deflated bytes are the same too.
    let at = 0;
    do {
      const end = Math.min(at + SLICE_SIZE, bytes.length);
      file.push(bytes.subarray(at, end), end === bytes.length);
      at = end;
      onSlice?.(at);
    } while (at < bytes.length);
  }

  /** Resolves once what was added is in the sink: call it between files. */
  flush(): Promise<void> {
    return this.sink.flush();
  }

  finish(): Promise<Blob> {
    this.zip.end();
    return this.sink.finish();
  }
}
