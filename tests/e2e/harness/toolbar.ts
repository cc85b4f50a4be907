import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface Reply {
  id: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/**
 * The real toolbar popup, opened by clicking CaseClock's button on a tab. Playwright does not
 * attach to action popups, so this speaks the DevTools protocol to it through the browser
 * session: mouse clicks land where the buyer's would, and screenshots show what they see.
 */
export class ToolbarPopup {
  private lastId = 0;
  private readonly pending = new Map<number, (reply: Reply) => void>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const reply = JSON.parse(event.message) as Reply;
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
  }

  /**
   * Clicks the toolbar button while `page` is the shown tab. Chromium then opens the popup and
   * grants it activeTab on that tab, as for a real click; --enable-unsafe-extension-debugging
   * lets the protocol do the clicking in headless Chromium, which has no toolbar.
   */
  static async open(browser: ExtensionBrowser, page: Page): Promise<ToolbarPopup> {
    const chromium = browser.context.browser();
    if (!chromium) throw new Error('no browser behind this context');
    await page.bringToFront();
    const cdp = await chromium.newBrowserCDPSession();
    // Tabs are targets of their own, apart from the pages they show: only those take the click.
    const targets = async (type: string): Promise<TargetInfo[]> =>
      (
        (await cdp.send('Target.getTargets', { filter: [{ type }] })) as {
          targetInfos: TargetInfo[];
        }
      ).targetInfos;
    const tab = (await targets('tab')).find((target) => target.url === page.url());
    if (!tab) throw new Error(`no tab shows ${page.url()}`);
    await cdp.send('Extensions.triggerAction', { id: browser.extensionId, targetId: tab.targetId });
    let popup: TargetInfo | undefined;
    for (let tries = 0; !popup && tries < 50; tries += 1) {
      popup = (await targets('page')).find((target) => target.url.endsWith('/popup.html'));
      if (!popup) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!popup) throw new Error('the popup did not open');
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: popup.targetId,
      flatten: false,
    });
    const opened = new ToolbarPopup(cdp, sessionId);
    await opened.waitFor('.popup');
    return opened;
  }

  private async call(method: string, params: object = {}): Promise<Record<string, unknown>> {
    this.lastId += 1;
    const id = this.lastId;
    const reply = new Promise<Reply>((resolve) => this.pending.set(id, resolve));
    await this.cdp.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const { result, error } = await reply;
    if (error) throw new Error(`${method}: ${error.message}`);
    return result ?? {};
  }

  /** Runs an expression in the popup and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = (await this.call('Runtime.evaluate', {
      expression,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.text}`);
    return result.value;
  }

  /** Waits until an element matching `selector` (and holding `text`, if given) is shown. */
  async waitFor(selector: string, text = '', timeoutMs = 10_000): Promise<void> {
    const probe = `[...document.querySelectorAll(${JSON.stringify(selector)})].some(
      (el) => el.getClientRects().length > 0 && el.textContent.includes(${JSON.stringify(text)}))`;
    const until = Date.now() + timeoutMs;
    while (!(await this.evaluate<boolean>(probe))) {
      if (Date.now() > until) throw new Error(`no "${text}" in ${selector} in the popup`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async text(selector: string): Promise<string> {
    return this.evaluate<string>(
      `document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`,
    );
  }

  /** A real mouse click in the middle of the element holding `text`. */
  async click(selector: string, text = ''): Promise<void> {
    await this.waitFor(selector, text);
    const { x, y } = await this.evaluate<{ x: number; y: number }>(`(() => {
      const el = [...document.querySelectorAll(${JSON.stringify(selector)})].find(
        (candidate) => candidate.textContent.includes(${JSON.stringify(text)}));
      el.scrollIntoView({ block: 'center' });
      const box = el.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    })()`);
    for (const type of ['mousePressed', 'mouseReleased']) {
      await this.call('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
    }
  }

  /** Chooses an option of a <select>, as picking it from the list does. */
  async select(selector: string, value: string): Promise<void> {
    await this.evaluate(`(() => {
      const select = document.querySelector(${JSON.stringify(selector)});
      select.focus();
      select.value = ${JSON.stringify(value)};
      select.dispatchEvent(new Event('change', { bubbles: true }));
    })()`);
  }

  async screenshot(path: string): Promise<void> {
    const { data } = (await this.call('Page.captureScreenshot', { format: 'png' })) as {
      data: string;
    };
    writeFileSync(path, Buffer.from(data, 'base64'));
  }

  async close(): Promise<void> {
    await this.evaluate('window.close()').catch(() => undefined);
    await this.cdp.detach();
  }
}
