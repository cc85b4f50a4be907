/** An element with text: CaseClock's in-page parts are built this way, never from markup. */
export function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const created = doc.createElement(tag);
  // Text only, never markup: nothing from the page is ever parsed as HTML here.
  if (text !== undefined) created.textContent = text;
  if (className) created.className = className;
  return created;
}

/**
 * Listens for the buyer's own events only: those a page's script creates or dispatches
 * (`isTrusted` false) are ignored, so the page can never act as the buyer.
 */
export function onBuyerEvent<K extends keyof HTMLElementEventMap>(
  target: HTMLElement,
  type: K,
  listener: (event: HTMLElementEventMap[K]) => void,
): void {
  target.addEventListener(type, (event) => {
    if (event.isTrusted) listener(event);
  });
}
