import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Fixture } from '../../fixtures/catalogue';
import { fixtureWeb, type RequestKind } from '../harness/marketplace-routes';

export const FIREFOX_EXTENSION_DIR = fileURLToPath(
  new URL('../../../.output/firefox-mv2', import.meta.url),
);

/** The add-on's internal UUID, fixed so its pages' moz-extension:// addresses are known. */
const EXTENSION_UUID = '5c0c1b1e-caa5-4c1d-9e3a-0d1e2f3a4b5c';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** The Firefox to drive: $FIREFOX_PATH, else Debian's ESR. Never skipped when missing. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `No Firefox at ${path}. The Firefox tests need one: install it with ` +
        '`sudo apt-get install firefox-esr` (Debian/Ubuntu), or set FIREFOX_PATH to a Firefox ' +
        'binary.',
    );
  }
  return path;
}

/** The parts of puppeteer's WebDriver BiDi browser that its public types leave out. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
  on(event: string, handler: (params: unknown) => void): void;
  off(event: string, handler: (params: unknown) => void): void;
}
interface BidiFrame {
  browsingContext: { id: string };
}

/** What a node of a page looks like once WebDriver BiDi serialized it. */
export interface SerializedNode {
  sharedId?: string;
  value?: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: SerializedNode[];
    shadowRoot?: SerializedNode | null;
  };
}

/** A photo's address, by its look: under BiDi a request does not say what it is for. */
const IMAGE_URL = /\.(?:png|jpe?g|gif|webp|avif)(?:[_?#]|$)/i;

/** Firefox's preferences for a headless run with no network, no D-Bus and no first-run pages. */
function preferences(geckoId: string, locale: string): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
    'intl.accept_languages': locale,
    'intl.locale.requested': locale,
    // An upgraded http:// photo on a fixture stays pending, and the page's load never comes.
    'security.mixed_content.upgrade_display_content': false,
    // Without a desktop session the system's notifications close at once: Firefox's own stay.
    'alerts.useSystemBackend': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.always_ask_before_handling_new_types': false,
  };
}

export interface FirefoxLaunchOptions {
  /** The browser's language, which CaseClock's pages follow; American English unless given. */
  locale?: string;
}

/**
 * Firefox ESR with the production build of CaseClock installed as a temporary add-on, as a
 * developer loads it from about:debugging, driven over WebDriver BiDi.
 */
export class FirefoxExtension {
  private constructor(
    readonly browser: Browser,
    readonly geckoId: string,
    private readonly profile: string,
  ) {}

  static async launch(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtension> {
    const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
    if (!existsSync(manifestPath)) {
      throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run \`npm run build\` first.`);
    }
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      browser_specific_settings: { gecko: { id: string } };
    };
    const geckoId = manifest.browser_specific_settings.gecko.id;
    const profile = mkdtempSync(join(tmpdir(), 'caseclock-firefox-'));
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      userDataDir: profile,
      // Extension pages and the browser's own windows are reachable only with this.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: preferences(geckoId, options.locale ?? 'en-US'),
      env: { ...process.env, TZ: 'Europe/Paris' },
    });
    const firefox = new FirefoxExtension(browser, geckoId, profile);
    try {
      await browser.installExtension(FIREFOX_EXTENSION_DIR);
    } catch (error) {
      await firefox.close();
      throw error;
    }
    return firefox;
  }

  private get connection(): BidiConnection {
    return (this.browser as unknown as { connection: BidiConnection }).connection;
  }

  /** A WebDriver BiDi command, for what puppeteer does not offer. */
  async bidi<T>(method: string, params: object): Promise<T> {
    return (await this.connection.send(method, params)).result as T;
  }

  /**
   * A wait for the next BiDi event of that name matching `accept`, listening from now on
   * (the event must have been subscribed to).
   */
  nextEvent<T>(event: string, accept: (params: T) => boolean = () => true): Promise<T> {
    return new Promise<T>((resolve) => {
      const handler = (params: unknown) => {
        if (!accept(params as T)) return;
        this.connection.off(event, handler);
        resolve(params as T);
      };
      this.connection.on(event, handler);
    });
  }

  url(path: string): string {
    return `${EXTENSION_ORIGIN}${path}`;
  }

  /** A new tab that sees only the fixture web: marketplace pages at their real URLs. */
  async webPage(
    fixtures: readonly Fixture[],
    extraPages: Readonly<Record<string, string>> = {},
  ): Promise<Page> {
    const page = await this.browser.newPage();
    const web = fixtureWeb(fixtures, extraPages);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (!/^https?:\/\//.test(url)) {
        void request.continue();
        return;
      }
      const kind: RequestKind = request.isNavigationRequest()
        ? 'document'
        : IMAGE_URL.test(url)
          ? 'image'
          : 'other';
      const response = web(url, kind);
      void (response ? request.respond(response) : request.abort());
    });
    return page;
  }

  /**
   * One of CaseClock's own pages in a new tab, once `selector` is shown. Over BiDi an extension
   * page sends no load event to wait for: the navigation is only started.
   */
  async extensionPage(path: string, selector: string): Promise<Page> {
    const page = await this.browser.newPage();
    await this.navigate(page, path);
    await page.waitForSelector(selector, { timeout: 15_000 });
    return page;
  }

  async navigate(page: Page, path: string): Promise<void> {
    await this.bidi('browsingContext.navigate', {
      context: contextOf(page),
      url: this.url(path),
      wait: 'none',
    });
  }

  /** Runs `expression` in Firefox's own browser window, with the rights of its interface. */
  async inBrowserWindow<T>(expression: string): Promise<T> {
    const { contexts } = await this.bidi<{ contexts: { context: string }[] }>(
      'browsingContext.getTree',
      { 'moz:scope': 'chrome' },
    );
    const [window] = contexts;
    if (!window) throw new Error('Firefox has no browser window');
    const evaluated = await this.bidi<{
      type: string;
      result?: { value?: T };
      exceptionDetails?: { text: string };
    }>('script.evaluate', {
      expression,
      target: { context: window.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (evaluated.exceptionDetails) throw new Error(evaluated.exceptionDetails.text);
    return evaluated.result?.value as T;
  }

  /**
   * Clicks CaseClock's toolbar button on the window's shown tab, as the buyer would: Firefox
   * opens the popup and grants activeTab on that tab.
   */
  async clickToolbarButton(): Promise<void> {
    await this.inBrowserWindow(`(() => {
      const { ExtensionParent } = ChromeUtils.importESModule(
        'resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(this.geckoId)}).extension;
      ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
    })()`);
  }

  /**
   * Saves downloads into `folder`, and returns a way to wait for the next one to finish there:
   * start waiting before the click, then await the path of the saved file.
   */
  async downloadsTo(folder: string): Promise<() => Promise<string>> {
    await this.bidi('browser.setDownloadBehavior', {
      downloadBehavior: { type: 'allowed', destinationFolder: folder },
    });
    await this.bidi('session.subscribe', { events: ['browsingContext.downloadEnd'] });
    return async () => {
      const ended = await this.nextEvent<{ status: string; filepath?: string | null }>(
        'browsingContext.downloadEnd',
      );
      if (ended.status !== 'complete' || !ended.filepath) {
        throw new Error(`the download ended as ${ended.status}`);
      }
      return ended.filepath;
    };
  }

  async close(): Promise<void> {
    await this.browser.close();
    rmSync(this.profile, { recursive: true, force: true });
  }
}

/** The BiDi browsing context a page shows. */
export function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as BidiFrame).browsingContext.id;
}
