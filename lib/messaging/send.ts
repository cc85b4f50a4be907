import { browser } from 'wxt/browser';
import type { BackupRequest, MadeBackup } from '../backup/job';
import type { BackupProgress } from '../backup/write';
import type { MadePack, PackRequest } from '../evidence/pack-job';
import type { PackProgress } from '../evidence/pack';
import { jobInWorker } from '../worker-jobs';
import type { BrowserStorage } from '../storage-space';
import { workspaceUrl, type WorkspaceTarget } from '../workspace-url';
import type { Message, Reply } from './protocol';

/** Sends a message to the background and returns its typed reply. */
export async function sendToBackground<M extends Message>(message: M): Promise<Reply<M>> {
  return browser.runtime.sendMessage<M, Reply<M>>(message);
}

/** The address of CaseClock's workspace: an order's case, or the form for a new order. */
export function workspacePage(target: WorkspaceTarget): string {
  return workspaceUrl((path) => browser.runtime.getURL(path), target);
}

/**
 * What CaseClock's own pages (popup, workspace, settings) do through the browser. `leave` runs
 * after opening a tab: the popup closes itself, a page stays.
 */
export function extensionPageActions(leave: () => void = () => undefined) {
  const openTab = (url: string) => {
    void browser.tabs.create({ url }).then(leave);
  };
  return {
    send: sendToBackground,
    openCase: (orderId: string) => {
      openTab(workspacePage({ order: orderId }));
    },
    openNewOrder: () => {
      openTab(workspacePage('new-order'));
    },
    openSettings: (section?: 'backup') => {
      if (section) openTab(browser.runtime.getURL(`/options.html#${section}`));
      else void browser.runtime.openOptionsPage().then(leave);
    },
    openPage: openTab,
    makePack: jobInWorker<PackRequest, PackProgress, MadePack>(
      browser.runtime.getURL('/pack-worker.js'),
    ),
    makeBackup: jobInWorker<BackupRequest, BackupProgress, MadeBackup>(
      browser.runtime.getURL('/backup-worker.js'),
    ),
    appVersion: browser.runtime.getManifest().version,
    async freeSpace(): Promise<number | undefined> {
      const estimate = await navigator.storage.estimate();
      return estimate.quota === undefined ? undefined : estimate.quota - (estimate.usage ?? 0);
    },
    ownFiles: () => navigator.storage.getDirectory(),
  };
}

/** Where an extension page finds CaseClock's data and what the browser granted it. */
export function extensionPageStorage(): BrowserStorage {
  return {
    manager: navigator.storage,
    unlimited: () => browser.permissions.contains({ permissions: ['unlimitedStorage'] }),
  };
}
