import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Worker } from 'playwright-core';

export const EXTENSION_DIR = fileURLToPath(new URL('../../../.output/chrome-mv3', import.meta.url));

/** The Chromium to drive: $CHROMIUM_PATH, else Debian's package. Never skipped when missing. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. The end-to-end tests need one: install it with ` +
        '`sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or ' +
        'Chrome binary.',
    );
  }
  return path;
}

/** Flags for headless Chromium on a machine with no network and no sandbox. */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A plain headless Chromium, without the extension: for running code in real pages. */
export async function launchPlain(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: QUIET_FLAGS });
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  /** Closes the browser; the profile is kept only if it was given to `launch`. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** A profile to reuse across launches; a fresh temporary one otherwise. */
  userDataDir?: string;
  viewport?: { width: number; height: number } | null;
  /** The browser's language, which the popup follows; American English unless given. */
  locale?: string;
}

/** A persistent Chromium profile as the tests set it up, with CaseClock loaded or not. */
async function openProfile(options: LaunchOptions, withExtension: boolean) {
  const ownProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'caseclock-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    locale: options.locale ?? 'en-US',
    timezoneId: 'Europe/Paris',
    args: [
      // The browser's own language, which the toolbar popup follows (Playwright's `locale`
      // reaches only the pages it drives).
      `--accept-lang=${options.locale ?? 'en-US'}`,
      ...(withExtension
        ? [
            `--disable-extensions-except=${EXTENSION_DIR}`,
            `--load-extension=${EXTENSION_DIR}`,
            '--enable-unsafe-extension-debugging',
          ]
        : []),
      ...QUIET_FLAGS,
    ],
  });
  return {
    context,
    userDataDir,
    close: async () => {
      await context.close();
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The same Chromium and profile settings without CaseClock: what a page costs without it. */
export async function launchWithoutExtension(
  options: LaunchOptions = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  return openProfile(options, false);
}

/** Starts Chromium with the production build of CaseClock loaded, as a user would have it. */
export async function launch(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No extension build in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const profile = await openProfile(options, true);
  const { context, userDataDir } = profile;
  const serviceWorker =
    context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker, userDataDir, close: () => profile.close() };
}
