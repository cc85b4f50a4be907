import type { BrowserContext, Route } from 'playwright-core';
import { fixtureHtml, type Fixture } from '../../fixtures/catalogue';

/** A 1×1 grey PNG standing in for every product photo. */
const PLACEHOLDER_IMAGE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mO8/x8AAwMB/6X6lOAAAAAASUVORK5CYII=',
  'base64',
);

const OFF_DEMO_PAGE = `<!doctype html><meta charset="utf-8"><title>Not part of the demo</title>
<p style="font:16px system-ui;margin:40px">This page is not part of CaseClock's bundled demo:
nothing leaves this machine.</p>`;

function withoutHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** What a request is for, as far as what the test web answers depends on it. */
export type RequestKind = 'document' | 'image' | 'other';

export interface WebResponse {
  status: number;
  contentType: string;
  body: string | Buffer;
}

/**
 * The web as the end-to-end tests see it: fixture pages at their real marketplace URLs (and
 * `extraPages`), a placeholder for every photo, a "not part of the demo" page for any other
 * page; anything else is undefined, to be refused, so nothing reaches the network.
 */
export function fixtureWeb(
  fixtures: readonly Fixture[],
  /** More pages by URL, such as an empty shell a test fills in itself. */
  extraPages: Readonly<Record<string, string>> = {},
): (url: string, kind: RequestKind) => WebResponse | undefined {
  const pages = new Map<string, string | Fixture>(
    fixtures.map((fixture) => [withoutHash(fixture.url), fixture]),
  );
  for (const [url, html] of Object.entries(extraPages)) pages.set(withoutHash(url), html);
  const html = 'text/html; charset=utf-8';
  return (url, kind) => {
    const page = pages.get(withoutHash(url));
    if (page !== undefined) {
      return {
        status: 200,
        contentType: html,
        body: typeof page === 'string' ? page : fixtureHtml(page),
      };
    }
    if (kind === 'image') return { status: 200, contentType: 'image/png', body: PLACEHOLDER_IMAGE };
    if (kind === 'document') return { status: 404, contentType: html, body: OFF_DEMO_PAGE };
    return undefined;
  };
}

/**
 * Serves fixture pages at their real marketplace URLs through request routing, so the content
 * script runs exactly where it would in the wild, and nothing reaches the network.
 */
export async function serveFixtures(
  context: BrowserContext,
  fixtures: readonly Fixture[],
  extraPages: Readonly<Record<string, string>> = {},
): Promise<void> {
  const web = fixtureWeb(fixtures, extraPages);
  // Only web requests: the extension's own pages load as usual.
  await context.route(/^https?:\/\//, async (route: Route) => {
    const request = route.request();
    const type = request.resourceType();
    const response = web(request.url(), type === 'document' || type === 'image' ? type : 'other');
    if (response) await route.fulfill(response);
    else await route.abort('blockedbyclient');
  });
}
