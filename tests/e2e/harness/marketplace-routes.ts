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

/**
 * Serves fixture pages at their real marketplace URLs through request routing, so the content
 * script runs exactly where it would in the wild, and nothing reaches the network.
 */
export async function serveFixtures(
  context: BrowserContext,
  fixtures: readonly Fixture[],
  /** More pages by URL, such as an empty shell a test fills in itself. */
  extraPages: Readonly<Record<string, string>> = {},
): Promise<void> {
  const pages = new Map<string, string | Fixture>(
    fixtures.map((fixture) => [withoutHash(fixture.url), fixture]),
  );
  for (const [url, html] of Object.entries(extraPages)) pages.set(withoutHash(url), html);
  // Only web requests: the extension's own pages load as usual.
  await context.route(/^https?:\/\//, async (route: Route) => {
    const request = route.request();
    const page = pages.get(withoutHash(request.url()));
    if (page !== undefined) {
      await route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: typeof page === 'string' ? page : fixtureHtml(page),
      });
    } else if (request.resourceType() === 'image') {
      await route.fulfill({ status: 200, contentType: 'image/png', body: PLACEHOLDER_IMAGE });
    } else if (request.resourceType() === 'document') {
      await route.fulfill({
        status: 404,
        contentType: 'text/html; charset=utf-8',
        body: OFF_DEMO_PAGE,
      });
    } else {
      await route.abort('blockedbyclient');
    }
  });
}
