/**
 * The most one page message carries: a page with more is sent in parts (see page-parts.ts);
 * an order of more items in pieces; a page's report keeps that many problems.
 */
export const PAGE_MESSAGE_LIMITS = {
  orders: 500,
  itemsPerOrder: 200,
  items: 2000,
  problems: 100,
} as const;
