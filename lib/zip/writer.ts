import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

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

/**
 * A ZIP as it is written, one file after the other. What each file adds is gathered into a
 * Blob once the file is in, so the browser may keep the ZIP out of the script's memory.
 */
export class ZipWriter {
  private written = new Blob([]);
  private pending: Uint8Array[] = [];
  private readonly zip = new Zip((error, chunk) => {
    if (error) throw error;
    this.pending.push(chunk);
  });

  constructor(private readonly mtime: Date) {}

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
    this.gather();
  }

  finish(): Blob {
    this.zip.end();
    this.gather();
    return new Blob([this.written], { type: 'application/zip' });
  }

  private gather() {
    this.written = new Blob([this.written, ...(this.pending as Uint8Array<ArrayBuffer>[])]);
    this.pending = [];
  }
}
