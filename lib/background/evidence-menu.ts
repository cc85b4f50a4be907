import type { CaseClockDatabase } from '../db/database';
import { addEvidence } from '../db/evidence';
import type { EvidenceRecord } from '../db/schema';
import { evidenceAddress, subjectsOfPage, TITLE_LIMIT } from '../evidence/shows';
import type { Translate } from '../i18n';
import { adapterById } from '../marketplaces/registry';

/** The part of `contextMenus` the evidence menu uses. */
export interface MenuApi {
  removeAll(): Promise<void>;
  create(properties: {
    id: string;
    title: string;
    contexts: ['selection'];
    parentId?: string;
    enabled?: boolean;
  }): unknown;
}

export const SAVE_SELECTION_MENU = 'save-selection';
const CASE_ITEM = `${SAVE_SELECTION_MENU}:`;
/** More would make a menu too long to read; the most recent cases come first. */
const MENU_CASES = 10;

type MenuItem = Parameters<MenuApi['create']>[0];

/** The menu's entries for the open cases, the most recent first. */
async function evidenceMenuItems(db: CaseClockDatabase, t: Translate): Promise<MenuItem[]> {
  const open = (await db.cases.where('status').equals('open').toArray())
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt))
    .slice(0, MENU_CASES);
  const orders = await db.orders.bulkGet(open.map((found) => found.orderId));
  const items: MenuItem[] = [
    {
      id: SAVE_SELECTION_MENU,
      title: open.length > 0 ? t('menu.saveSelection') : t('menu.saveSelection.noCase'),
      contexts: ['selection'],
      enabled: open.length > 0,
    },
  ];
  open.forEach((found, index) => {
    const order = orders[index];
    if (!order) return;
    items.push({
      id: `${CASE_ITEM}${found.id}`,
      parentId: SAVE_SELECTION_MENU,
      title: t('menu.case', {
        marketplace: adapterById(order.marketplace)?.name ?? order.marketplace,
        number: order.orderNumber,
        reason: t(`reason.${found.reason}`),
      }),
      contexts: ['selection'],
    });
  });
  return items;
}

/**
 * "Save selection as evidence", with one entry per open case, kept in step after every write
 * so the menu always names the cases the buyer has. It is built again only when its entries
 * change: each build is a round of calls to the browser (about 20 ms at every write before).
 */
export function evidenceMenuSyncer(menus: MenuApi) {
  let built: string | undefined;
  return async (db: CaseClockDatabase, t: Translate): Promise<void> => {
    const items = await evidenceMenuItems(db, t);
    const wanted = JSON.stringify(items);
    if (wanted === built) return;
    built = undefined;
    await menus.removeAll();
    for (const item of items) menus.create(item);
    built = wanted;
  };
}

/** The case a menu entry stands for. */
export function caseOfMenuItem(menuItemId: string | number): string | undefined {
  const id = String(menuItemId);
  return id.startsWith(CASE_ITEM) ? id.slice(CASE_ITEM.length) : undefined;
}

export interface Selection {
  text: string;
  url?: string;
  title?: string;
}

/** Keeps text the buyer selected on a page (a chat, a tracking history) as evidence. */
export async function saveSelection(
  db: CaseClockDatabase,
  caseId: string,
  selection: Selection,
  at: string,
): Promise<EvidenceRecord> {
  const { text, title } = selection;
  const url = evidenceAddress(selection.url);
  return addEvidence(db, {
    caseId,
    kind: 'text',
    shows: url ? subjectsOfPage(url) : [],
    name: title?.trim() ? title.trim().slice(0, 120) : text.trim().slice(0, 60),
    capturedAt: at,
    text: text.trim(),
    ...(url ? { url } : {}),
    ...(title ? { title: title.slice(0, TITLE_LIMIT) } : {}),
  });
}
