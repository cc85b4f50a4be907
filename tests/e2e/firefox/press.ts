import type { ElementHandle, Page } from 'puppeteer-core';

/** Clicks the page's button that says exactly `name`, with BiDi pointer input. */
export async function press(page: Page, name: string, within = ''): Promise<void> {
  const button = await page.waitForFunction(
    (wanted, scope) =>
      [...document.querySelectorAll(`${scope} button`)].find(
        (candidate) => candidate.textContent.trim() === wanted,
      ),
    {},
    name,
    within,
  );
  await (button as ElementHandle<HTMLButtonElement>).click();
}
