/** Where an extension page lives, given the browser's way of naming the extension's files. */
type ExtensionUrl = (path: '/case.html') => string;

/** The address of CaseClock's workspace: an order's case, or the form for a new order. */
export function workspaceUrl(
  getURL: ExtensionUrl,
  target: { order: string } | 'new-order',
): string {
  const page = getURL('/case.html');
  return target === 'new-order'
    ? `${page}?new`
    : `${page}?order=${encodeURIComponent(target.order)}`;
}
