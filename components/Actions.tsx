import { createContext, useContext, type ReactNode } from 'react';
import type { BackupMaker } from '@/lib/backup/job';
import type { PackMaker } from '@/lib/evidence/pack-job';
import type { Message, Reply } from '@/lib/messaging/protocol';
import type { OwnFiles } from '@/lib/own-files';

/** What CaseClock's pages ask of the extension: the browser's part, kept out of components. */
export interface Actions {
  /** Sends a message to the background, the only writer. */
  send: <M extends Message>(message: M) => Promise<Reply<M>>;
  openCase: (orderId: string) => void;
  openNewOrder: () => void;
  /** Opens the settings page; at "backup", it starts a backup at once. */
  openSettings: (section?: 'backup') => void;
  /** Opens a marketplace page in a new tab. */
  openPage: (url: string) => void;
  /** Makes an order's evidence pack, off the page's thread where the browser allows. */
  makePack: PackMaker;
  /** Makes a backup of everything, off the page's thread where the browser allows. */
  makeBackup: BackupMaker;
  /** This CaseClock's version, which a backup records. */
  appVersion: string;
  /** Storage space left, when the browser says. */
  freeSpace?: () => Promise<number | undefined>;
  /** CaseClock's own files on disk, where a backup to restore is copied for the background. */
  ownFiles: () => Promise<OwnFiles>;
}

const ActionsContext = createContext<Actions | undefined>(undefined);

export function ActionsProvider({ actions, children }: { actions: Actions; children: ReactNode }) {
  return <ActionsContext.Provider value={actions}>{children}</ActionsContext.Provider>;
}

export function useActions(): Actions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useActions needs an ActionsProvider');
  return actions;
}
