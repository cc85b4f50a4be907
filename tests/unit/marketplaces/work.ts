/**
 * A cost model of the DOM and of regular expressions, to count the work a reading does rather
 * than time it: each step of a TreeWalker, of a walk up or along the tree costs 1; a query, a
 * `textContent` or a `contains` costs the size of what it must scan (a subtree, or the depth of
 * the node it looks from); a RegExp call costs the length of the text handed to it. Counting
 * replaces timing, so a test proves linearity on any machine, in a few seconds.
 */

export interface Work {
  /** DOM steps, under the model above. */
  dom: number;
  /** Characters handed to regular expressions. */
  characters: number;
  /**
   * Every pattern run, with the longest text it was given and the first place that ran it
   * outside this file (a file of lib/, or of a library such as the DOM's own).
   */
  patterns: Map<string, { pattern: RegExp; longest: number; caller: string }>;
}

function subtreeSize(node: Node): number {
  let size = 1;
  for (let child = node.firstChild; child; child = child.nextSibling) size += subtreeSize(child);
  return size;
}

function depth(node: Node): number {
  let levels = 0;
  for (let up = node.parentNode; up; up = up.parentNode) levels++;
  return levels;
}

type Patch = () => void;

/** The first frame of the current stack in a file other than this one. */
function caller(): string {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  // No RegExp here: this runs while regular expressions are being counted.
  const isFile = (frame: string) =>
    ['.ts:', '.js:', '.mjs:', '.cjs:'].some((e) => frame.includes(e));
  return frames.find((frame) => isFile(frame) && !frame.includes('work.ts')) ?? '';
}

/** Replaces a method or getter by one that adds its cost first; returns how to undo it. */
function instrument(
  target: object,
  name: string | symbol,
  cost: (self: never, args: unknown[]) => void,
  around?: { before: () => void; after: () => void },
): Patch {
  const owner = findOwner(target, name);
  const descriptor = Object.getOwnPropertyDescriptor(owner, name);
  if (!descriptor) throw new Error(`nothing to instrument at ${String(name)}`);
  const patched = { ...descriptor };
  if (descriptor.get) {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its own `this`
    const get = descriptor.get;
    patched.get = function (this: never) {
      cost(this, []);
      return get.call(this) as unknown;
    };
  } else {
    const method = descriptor.value as (...args: unknown[]) => unknown;
    patched.value = function (this: never, ...args: unknown[]) {
      cost(this, args);
      around?.before();
      try {
        return method.apply(this, args);
      } finally {
        around?.after();
      }
    };
  }
  Object.defineProperty(owner, name, patched);
  return () => Object.defineProperty(owner, name, descriptor);
}

function findOwner(target: object, name: string | symbol): object {
  for (
    let owner = target as object | null;
    owner;
    owner = Object.getPrototypeOf(owner) as object | null
  ) {
    if (Object.getOwnPropertyDescriptor(owner, name)) return owner;
  }
  throw new Error(`no ${String(name)} to instrument`);
}

/** Runs `read` under the cost model and returns the work it did. */
export function countWork(read: () => void): Work {
  const work: Work = { dom: 0, characters: 0, patterns: new Map() };
  let counting = true;
  const add = (amount: number) => {
    if (counting) work.dom += amount;
  };
  const one = () => {
    add(1);
  };
  // Measuring walks the tree itself: that walk must not count.
  const measure = (amount: () => number) => {
    if (!counting) return;
    counting = false;
    const measured = amount();
    counting = true;
    add(measured);
  };
  const scan = (self: Node) => {
    measure(() => subtreeSize(self));
  };
  const climb = (self: Node) => {
    measure(() => depth(self));
  };
  // A replace or a split calls `exec` once per match, each from where the last one ended: only
  // the outermost call counts. An `exec` counts from where it starts to where its match ends.
  let inRegExp = 0;
  const handed = (self: RegExp, text: string, from: number, to: number) => {
    if (!counting || inRegExp > 0) return;
    work.characters += to - from;
    const key = `/${self.source}/${self.flags}`;
    const seen = work.patterns.get(key);
    if (!seen) work.patterns.set(key, { pattern: self, longest: text.length, caller: caller() });
    else seen.longest = Math.max(seen.longest, text.length);
  };
  const start = (self: RegExp) => (self.global || self.sticky ? self.lastIndex : 0);
  const execute = (name: 'exec' | 'test'): Patch => {
    const descriptor = Object.getOwnPropertyDescriptor(RegExp.prototype, name);
    const method = descriptor?.value as (this: RegExp, text: string) => unknown;
    RegExp.prototype[name] = function (this: RegExp, text: string) {
      const from = start(this);
      const result = method.call(this, text);
      const match = name === 'exec' ? (result as RegExpExecArray | null) : null;
      handed(this, text, from, match ? match.index + match[0].length : text.length);
      return result as never;
    };
    return () => {
      RegExp.prototype[name] = method as never;
    };
  };
  const whole = (self: RegExp, args: unknown[]) => {
    const text = String(args[0]);
    handed(self, text, 0, text.length);
  };
  const patches: Patch[] = [
    instrument(TreeWalker.prototype, 'nextNode', one),
    instrument(TreeWalker.prototype, 'nextSibling', one),
    instrument(Element.prototype, 'querySelectorAll', scan),
    instrument(Element.prototype, 'querySelector', scan),
    instrument(Document.prototype, 'querySelectorAll', scan),
    instrument(Document.prototype, 'querySelector', scan),
    instrument(Element.prototype, 'closest', climb),
    instrument(Element.prototype, 'matches', one),
    instrument(Node.prototype, 'contains', (_self: Node, args) => {
      climb(args[0] as Node);
    }),
    instrument(Node.prototype, 'textContent', scan),
    instrument(Node.prototype, 'parentElement', one),
    instrument(Node.prototype, 'parentNode', one),
    instrument(Node.prototype, 'nextSibling', one),
    instrument(Node.prototype, 'previousSibling', one),
    instrument(Node.prototype, 'firstChild', one),
    instrument(Element.prototype, 'previousElementSibling', one),
    instrument(Element.prototype, 'children', (self: Element) => {
      measure(() => self.childElementCount);
    }),
    instrument(Element.prototype, 'getAttribute', one),
    execute('exec'),
    execute('test'),
    // matchAll's iterator runs `exec` itself, after the call: those runs count.
    ...([Symbol.replace, Symbol.match, Symbol.split] as const).map((name) =>
      instrument(RegExp.prototype, name, whole, {
        before: () => inRegExp++,
        after: () => inRegExp--,
      }),
    ),
  ];
  try {
    read();
  } finally {
    counting = false;
    for (const undo of patches.reverse()) undo();
  }
  return work;
}
