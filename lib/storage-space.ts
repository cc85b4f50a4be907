/** What CaseClock asks of the browser's storage manager (`navigator.storage`). */
export interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number }>;
}

/** Where CaseClock's data lives, as an extension page sees it. */
export interface BrowserStorage {
  /** `navigator.storage`, where the page has one. */
  manager?: StorageManagerLike;
  /** Whether the browser granted CaseClock the `unlimitedStorage` permission. */
  unlimited: () => Promise<boolean>;
}

/**
 * Asks the browser to keep CaseClock's data when the disk runs short, where it offers that:
 * otherwise the orders and evidence are best-effort data, the first to go. Returns whether the
 * data is kept: the browser made it persistent (Firefox does for an extension that holds
 * `unlimitedStorage`), or CaseClock holds `unlimitedStorage`, which Chrome documents as exempt
 * from eviction though its `persisted()` still says false. Undefined where it cannot tell.
 */
export async function keepStorage(storage: BrowserStorage): Promise<boolean | undefined> {
  const { manager } = storage;
  try {
    if (manager?.persisted && (await manager.persisted())) return true;
    if (manager?.persist && (await manager.persist())) return true;
    if (await storage.unlimited()) return true;
    return manager?.persisted ? false : undefined;
  } catch {
    return undefined;
  }
}

/** How many bytes this extension's data takes in all, or undefined where the browser cannot say. */
export async function storageUsed(storage: BrowserStorage): Promise<number | undefined> {
  try {
    return (await storage.manager?.estimate?.())?.usage;
  } catch {
    return undefined;
  }
}
