import { readPage } from '@/lib/marketplaces';

export interface Timing {
  nodes: number;
  /** Median milliseconds for one readPage. */
  readPage: number;
  /** Median milliseconds for one full traversal of the same document. */
  traversal: number;
}

/** Visits every node once, reading each text: the least any reader of the page must do. */
function traverse(doc: Document): number {
  const walker = doc.createTreeWalker(doc, 0xffffffff);
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    length += node.nodeValue?.length ?? 0;
  }
  return length;
}

/**
 * The median time of `work`, measured in batches long enough for the browser's coarse clock
 * (performance.now() is rounded to 0.1 ms in an ordinary page).
 */
function median(work: () => unknown, samples = 31, batchMs = 20): number {
  let batch = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) work();
    if (performance.now() - start >= batchMs) break;
    batch *= 2;
  }
  const times: number[] = [];
  for (let sample = 0; sample < samples; sample++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) work();
    times.push((performance.now() - start) / batch);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(samples / 2)] ?? Number.NaN;
}

/** Times readPage on one fixture page, parsed as the browser parses it. */
export function timeReadPage(html: string, url: string): Timing {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const nodes = doc.createTreeWalker(doc, 0xffffffff);
  let count = 0;
  while (nodes.nextNode()) count++;
  return {
    nodes: count,
    readPage: median(() => readPage(doc, url)),
    traversal: median(() => traverse(doc)),
  };
}
