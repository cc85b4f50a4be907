import type { BrowserContext } from 'playwright-core';

/**
 * Opens `url` in a fresh tab and returns when its navigation reached `mark`, from navigation
 * start, by the page's own clock.
 */
export async function navigationMark(
  context: BrowserContext,
  url: string,
  mark: 'domContentLoadedEventEnd' | 'loadEventEnd',
): Promise<number> {
  const tab = await context.newPage();
  try {
    await tab.goto(url, { waitUntil: 'load' });
    return await tab.evaluate((reached) => {
      const [navigation] = performance.getEntriesByType(
        'navigation',
      ) as PerformanceNavigationTiming[];
      return navigation?.[reached] ?? Number.NaN;
    }, mark);
  } finally {
    await tab.close();
  }
}
