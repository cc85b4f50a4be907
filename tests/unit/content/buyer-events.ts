import { vi } from 'vitest';

/**
 * CaseClock's shadow roots are closed: `host.shadowRoot` is null for everyone. A test reaches
 * them by watching `attachShadow` hand them out; call this before anything is drawn, and
 * `vi.restoreAllMocks()` after.
 */
export function watchShadowRoots(): (host: Element | null) => ShadowRoot {
  const attach = vi.spyOn(Element.prototype, 'attachShadow');
  return (host) => {
    const index = attach.mock.contexts.lastIndexOf(host);
    const result = attach.mock.results[index];
    if (!host || result?.type !== 'return') throw new Error('no shadow root attached there');
    return result.value;
  };
}

/**
 * Marks an event as the buyer's own. happy-dom defines no `isTrusted`, so every event it
 * dispatches, `element.click()` included, counts as untrusted, like those of a page's script;
 * only the browser sets it, for real input.
 */
function asBuyer<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A click by the buyer's own hand. */
export function buyerClick(target: Element): void {
  target.dispatchEvent(
    asBuyer(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })),
  );
}

/** A key the buyer pressed. */
export function buyerKey(target: Element, key: string): void {
  target.dispatchEvent(
    asBuyer(new KeyboardEvent('keydown', { key, bubbles: true, composed: true })),
  );
}

/** The same key, sent by a page's script. */
export function scriptedKey(target: Element, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
}
