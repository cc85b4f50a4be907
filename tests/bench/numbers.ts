/** How the benchmarks print: medians, milliseconds and columns. */

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(11);

export function pad(text: string, width: number, left = false): string {
  return left ? text.padEnd(width) : text.padStart(width);
}
