import { readPage } from '@/lib/marketplaces';
import {
  HUGE_TEXTS,
  nodeCount,
  withDepth,
  withItems,
  withOrders,
  withTextBesideLabels,
  type FixtureFacts,
  type HugeText,
} from '../fixtures/adversarial';

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

export interface FirstReadTiming {
  nodes: number;
  /** The first readPage of the page the browser has just loaded. */
  first: number;
  /** Median of later calls on the same page. */
  warm: number;
  /** Median of one full traversal of the same page. */
  traversal: number;
}

/** Times readPage on the page loaded in this tab: its first call, then warm ones. */
export function timeFirstRead(): FirstReadTiming {
  const url = location.href;
  const start = performance.now();
  readPage(document, url);
  const first = performance.now() - start;
  return {
    nodes: nodeCount(document),
    first,
    warm: median(() => readPage(document, url)),
    traversal: median(() => traverse(document)),
  };
}

/** Times readPage on one fixture page, parsed as the browser parses it. */
export function timeReadPage(html: string, url: string): Timing {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return {
    nodes: nodeCount(doc),
    readPage: median(() => readPage(doc, url)),
    traversal: median(() => traverse(doc)),
  };
}

/** A hostile version of a fixture page (see tests/fixtures/adversarial.ts). */
export type HostileCase =
  | { kind: 'text'; text: HugeText; length: number }
  | { kind: 'orders'; count?: number; nodes?: number }
  | { kind: 'items'; count: number }
  | { kind: 'deep'; depth: number };

export interface HostileTiming {
  nodes: number;
  /** The first read of the freshly built document, in ms. */
  first: number;
  /** The median of the reads after it, in ms. */
  median: number;
  /** The median of one full traversal of the same document, in ms: the floor for any reader. */
  traversal: number;
}

function build(html: string, facts: FixtureFacts, hostile: HostileCase): Document | undefined {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  switch (hostile.kind) {
    case 'text':
      withTextBesideLabels(doc, facts, HUGE_TEXTS[hostile.text](hostile.length));
      return doc;
    case 'orders': {
      let count = hostile.count ?? 1;
      if (hostile.nodes !== undefined) {
        // Copies for about that many nodes, from what one more copy of the order adds.
        const sizeWith = (copies: number) => {
          const probe = new DOMParser().parseFromString(html, 'text/html');
          withOrders(probe, facts, copies);
          return nodeCount(probe);
        };
        const one = sizeWith(1);
        count = Math.max(1, Math.round((hostile.nodes - one) / Math.max(1, sizeWith(2) - one)) + 1);
      }
      withOrders(doc, facts, count);
      return doc;
    }
    case 'items':
      return withItems(doc, facts, hostile.count) ? doc : undefined;
    case 'deep':
      withDepth(doc, facts, hostile.depth);
      return doc;
  }
}

/**
 * Times readPage on a hostile version of a fixture page: the first read of the freshly built
 * document (nothing cached anywhere), then the median of `samples` more. Undefined when the page
 * has nothing to make hostile (no item to repeat).
 */
export function timeHostilePage(
  html: string,
  url: string,
  facts: FixtureFacts,
  hostile: HostileCase,
  samples: number,
): HostileTiming | undefined {
  const doc = build(html, facts, hostile);
  if (!doc) return undefined;
  let start = performance.now();
  readPage(doc, url);
  const first = performance.now() - start;
  const times: number[] = [];
  for (let sample = 0; sample < samples; sample++) {
    start = performance.now();
    readPage(doc, url);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    nodes: nodeCount(doc),
    first,
    median: times[Math.floor(samples / 2)] ?? first,
    traversal: median(() => traverse(doc), 9),
  };
}
