import type { Page } from 'puppeteer-core';
import { waitForDrawn } from '../harness/closed-shadow';
import { contextOf, type FirefoxExtension, type SerializedNode } from './firefox';

const TEXT_NODE = 3;

/** An element CaseClock drew, as it stood when read. */
export interface DrawnElement {
  sharedId: string;
  text: string;
  attributes: Record<string, string>;
}

function textOf(node: SerializedNode): string {
  const value = node.value;
  if (!value) return '';
  if (value.nodeType === TEXT_NODE) return value.nodeValue ?? '';
  if (value.localName === 'style') return '';
  const inside = [...(value.shadowRoot ? [value.shadowRoot] : []), ...(value.children ?? [])];
  return inside.map(textOf).join('');
}

/**
 * What CaseClock draws inside a closed shadow root (the panel, the guard dialog), reached the
 * way WebDriver BiDi serializes a page for a test: page scripts cannot. Clicks are BiDi pointer
 * input on the element, so Firefox marks them trusted, as the buyer's own.
 */
export class FirefoxClosedShadow {
  constructor(
    private readonly firefox: FirefoxExtension,
    private readonly page: Page,
    private readonly hostTag: string,
  ) {}

  /** The host's closed shadow root, serialized; undefined while nothing is drawn. */
  private async shadowRoot(): Promise<SerializedNode | undefined> {
    const evaluated = await this.firefox.bidi<{ result?: SerializedNode }>('script.evaluate', {
      expression: `document.querySelector(${JSON.stringify(this.hostTag)})`,
      target: { context: contextOf(this.page) },
      awaitPromise: false,
      serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
    });
    return evaluated.result?.value?.shadowRoot ?? undefined;
  }

  /** The elements matching `selector` inside the host's shadow root; none while not drawn. */
  async find(selector: string): Promise<DrawnElement[]> {
    const root = await this.shadowRoot();
    if (!root?.sharedId) return [];
    const { nodes } = await this.firefox.bidi<{ nodes: SerializedNode[] }>(
      'browsingContext.locateNodes',
      {
        context: contextOf(this.page),
        locator: { type: 'css', value: selector },
        startNodes: [{ sharedId: root.sharedId }],
        serializationOptions: { maxDomDepth: null, includeShadowTree: 'all' },
      },
    );
    return nodes.map((node) => ({
      sharedId: node.sharedId ?? '',
      text: textOf(node),
      attributes: node.value?.attributes ?? {},
    }));
  }

  /** Waits until an element matching `selector` and holding `text` is drawn. */
  async waitFor(selector: string, text = '', timeoutMs = 10_000): Promise<DrawnElement> {
    return waitForDrawn(() => this.find(selector), text, `${this.hostTag} ${selector}`, timeoutMs);
  }

  /**
   * A click of the mouse in the middle of that element, through BiDi input: trusted. When the
   * element was redrawn between finding and clicking (new words from the background), the
   * click goes to the one drawn now, as the buyer's next try would.
   */
  async click(selector: string, text = ''): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const { sharedId } = await this.waitFor(selector, text);
      try {
        await this.firefox.bidi('input.performActions', {
          context: contextOf(this.page),
          actions: [
            {
              type: 'pointer',
              id: 'caseclock-mouse',
              actions: [
                {
                  type: 'pointerMove',
                  x: 0,
                  y: 0,
                  origin: { type: 'element', element: { sharedId } },
                },
                { type: 'pointerDown', button: 0 },
                { type: 'pointerUp', button: 0 },
              ],
            },
          ],
        });
        return;
      } catch (error) {
        const replaced = /is not displayed|no such node|stale/i.test(String(error));
        if (!replaced || attempt === 3) throw error;
      }
    }
  }

  /** Whether anything is drawn: the host holds a shadow root with something in it. */
  async drawn(): Promise<boolean> {
    return (await this.find('*')).length > 0;
  }
}
