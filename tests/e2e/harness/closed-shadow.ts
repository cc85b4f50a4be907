import type { CDPSession, Page } from 'playwright-core';

/** A node of the DevTools protocol's DOM tree, as much of it as is read here. */
interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** An element CaseClock drew, as it stood when read. */
export interface DrawnElement {
  nodeId: number;
  text: string;
  attributes: Record<string, string>;
}

const TEXT_NODE = 3;

function textOf(node: DomNode): string {
  if (node.nodeType === TEXT_NODE) return node.nodeValue;
  if (node.nodeName === 'STYLE') return '';
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join('');
}

function* nodesOf(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    yield* nodesOf(child);
  }
}

/**
 * Waits until `find` gives an element holding `text`: what CaseClock draws comes when it is
 * ready, in either browser.
 */
export async function waitForDrawn<Drawn extends { text: string }>(
  find: () => Promise<Drawn[]>,
  text: string,
  where: string,
  timeoutMs: number,
): Promise<Drawn> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = (await find()).find((drawn) => drawn.text.includes(text));
    if (found) return found;
    if (Date.now() > until) throw new Error(`no "${text}" in ${where}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * What CaseClock draws inside a closed shadow root (the panel, the guard dialog), reached the
 * way DevTools reaches it: page scripts and Playwright's locators cannot. Its text and boxes
 * are read through the protocol, and clicks go through the real mouse, so they are trusted.
 */
export class ClosedShadow {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly hostTag: string,
  ) {}

  static async of(page: Page, hostTag: string): Promise<ClosedShadow> {
    return new ClosedShadow(page, await page.context().newCDPSession(page), hostTag);
  }

  /** The elements matching `selector` inside the host's shadow root; none while not drawn. */
  async find(selector: string): Promise<DrawnElement[]> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    const nodes = new Map([...nodesOf(root)].map((node) => [node.nodeId, node]));
    const host = [...nodes.values()].find((node) => node.nodeName === this.hostTag.toUpperCase());
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return [];
    const { nodeIds } = await this.cdp.send('DOM.querySelectorAll', {
      nodeId: shadow.nodeId,
      selector,
    });
    return nodeIds.flatMap((nodeId) => {
      const node = nodes.get(nodeId);
      if (!node) return [];
      const pairs = node.attributes ?? [];
      const attributes: Record<string, string> = {};
      for (let index = 0; index + 1 < pairs.length; index += 2) {
        attributes[pairs[index] ?? ''] = pairs[index + 1] ?? '';
      }
      return [{ nodeId, text: textOf(node), attributes }];
    });
  }

  /** Waits until an element matching `selector` and holding `text` is drawn. */
  async waitFor(selector: string, text = '', timeoutMs = 10_000): Promise<DrawnElement> {
    return waitForDrawn(() => this.find(selector), text, `${this.hostTag} ${selector}`, timeoutMs);
  }

  /** Where that element is on screen, in CSS pixels of the viewport, once scrolled into view. */
  async box(
    selector: string,
    text = '',
  ): Promise<{ x: number; y: number; width: number; height: number }> {
    const { nodeId } = await this.waitFor(selector, text);
    await this.cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
    const { quads } = await this.cdp.send('DOM.getContentQuads', { nodeId });
    const [quad] = quads;
    if (!quad) throw new Error(`${this.hostTag} ${selector} is not shown`);
    const xs = [quad[0] ?? 0, quad[2] ?? 0, quad[4] ?? 0, quad[6] ?? 0];
    const ys = [quad[1] ?? 0, quad[3] ?? 0, quad[5] ?? 0, quad[7] ?? 0];
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  }

  /** A real click of the mouse in the middle of that element: the browser marks it trusted. */
  async click(selector: string, text = ''): Promise<void> {
    const { x, y, width, height } = await this.box(selector, text);
    await this.page.mouse.click(x + width / 2, y + height / 2);
  }

  /** Whether anything is drawn: the host holds a shadow root. */
  async drawn(): Promise<boolean> {
    return (await this.find('*')).length > 0;
  }
}
