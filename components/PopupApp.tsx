import { useDeferredValue, useEffect, useId, useState } from 'react';
import type { CaseClockDatabase } from '@/lib/db/database';
import { ORDER_FILTERS, type OrderFilter } from '@/lib/tracked-orders';
import { useActions } from './Actions';
import { CurrentTabCard, type CurrentTab } from './CurrentTabCard';
import { EmptyState } from './EmptyState';
import { BackupIcon, GearIcon, PlusIcon } from './Icons';
import { useI18n } from './I18n';
import { OrderList } from './OrderList';
import { PageReportNotice } from './PageReportNotice';
import { refusalText } from './refusal';
import { useNow } from './useNow';
import { useOrderList, useTabOrders } from './useTrackedOrders';

/** Rows rendered at first: a list of thousands stays quick to open and scroll. */
const PAGE_SIZE = 50;

/** What the background could not do on its own (open its storage, set reminders), in words. */
function BackgroundProblem() {
  const i18n = useI18n();
  const { send } = useActions();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    let shown = true;
    const say = (text: string | undefined) => {
      if (shown) setProblem(text);
    };
    send({ type: 'background-status' }).then(
      (reply) => {
        if (!reply.ok) say(refusalText(i18n, reply));
        else if (reply.problem?.kind === 'storage') {
          say(i18n.t('error.storage', { error: reply.problem.detail }));
        } else if (reply.problem) {
          say(i18n.t('popup.problem.reminders', { error: reply.problem.detail }));
        }
      },
      (error: unknown) => {
        say(i18n.t('error.refused', { error: String(error) }));
      },
    );
    return () => {
      shown = false;
    };
  }, [send, i18n]);
  return problem ? (
    <p className="notice error" role="alert">
      {problem}
    </p>
  ) : null;
}

/** The tab the popup was opened on, once the browser says; the list does not wait for it. */
function useCurrentTab(
  given: CurrentTab | undefined,
  findTab: (() => Promise<CurrentTab | undefined>) | undefined,
): CurrentTab | undefined {
  const [found, setFound] = useState<CurrentTab>();
  useEffect(() => {
    let shown = true;
    findTab?.().then(
      (tab) => {
        if (shown) setFound(tab);
      },
      () => undefined,
    );
    return () => {
      shown = false;
    };
  }, [findTab]);
  return given ?? found;
}

export function PopupApp({
  db,
  tab: givenTab,
  findTab,
}: {
  db: CaseClockDatabase;
  tab?: CurrentTab;
  /** Asks the browser for the tab the popup was opened on. */
  findTab?: () => Promise<CurrentTab | undefined>;
}) {
  const { t, timeZone } = useI18n();
  const { openNewOrder, openSettings } = useActions();
  const now = useNow();
  const tab = useCurrentTab(givenTab, findTab);
  const [filter, setFilter] = useState<OrderFilter>('all');
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState(PAGE_SIZE);
  // Typing stays responsive: the list follows a moment later.
  const deferredSearch = useDeferredValue(search);
  const searchId = useId();
  const view = useOrderList(
    db,
    { list: filter, search: deferredSearch, limit: shown },
    now,
    timeZone,
  );
  // Once the list has shown, the card about this tab follows; it stays through later queries.
  const [listShown, setListShown] = useState(false);
  if (view !== undefined && !listShown) setListShown(true);
  const tabOrders = useTabOrders(db, tab?.url, now, timeZone, !listShown);

  return (
    <main className="popup">
      <header className="popup-header">
        <img src="/icon.svg" alt="" width={28} height={28} />
        <div className="popup-title">
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <button type="button" className="icon-button" onClick={openNewOrder}>
          <PlusIcon />
          <span className="visually-hidden">{t('popup.addOrder')}</span>
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => {
            openSettings('backup');
          }}
        >
          <BackupIcon />
          <span className="visually-hidden">{t('popup.backup')}</span>
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => {
            openSettings();
          }}
        >
          <GearIcon />
          <span className="visually-hidden">{t('popup.settings')}</span>
        </button>
      </header>
      <BackgroundProblem />
      {tab && /^https?:/.test(tab.url) && <PageReportNotice db={db} url={tab.url} />}
      {view === undefined ? null : view.tracked === 0 ? (
        <EmptyState />
      ) : (
        <>
          {tabOrders && <CurrentTabCard tab={tab} tracked={tabOrders} />}
          <section className="orders" aria-labelledby={`${searchId}-heading`}>
            <h2 id={`${searchId}-heading`} className="list-heading">
              {t('orders.heading')} <span className="count">{view.total}</span>
            </h2>
            <div className="list-tools">
              <label htmlFor={searchId} className="visually-hidden">
                {t('popup.search')}
              </label>
              <input
                id={searchId}
                type="search"
                placeholder={t('popup.search')}
                value={search}
                onChange={(event) => {
                  setSearch(event.target.value);
                  setShown(PAGE_SIZE);
                }}
              />
              <div className="filters" role="radiogroup" aria-label={t('popup.filter')}>
                {ORDER_FILTERS.map((choice) => (
                  <button
                    key={choice}
                    type="button"
                    role="radio"
                    aria-checked={filter === choice}
                    className={filter === choice ? 'filter selected' : 'filter'}
                    onClick={() => {
                      setFilter(choice);
                      setShown(PAGE_SIZE);
                    }}
                  >
                    {t(`popup.filter.${choice}`)}{' '}
                    <span className="count">{view.counts[choice]}</span>
                  </button>
                ))}
              </div>
            </div>
            {view.total === 0 ? (
              <p className="no-match">{t('popup.noMatch')}</p>
            ) : (
              <OrderList orders={view.rows} now={now} />
            )}
            {view.total > shown && (
              <button
                type="button"
                className="more"
                onClick={() => {
                  setShown(shown + PAGE_SIZE);
                }}
              >
                {t('popup.more', { count: Math.min(PAGE_SIZE, view.total - shown) })}
              </button>
            )}
          </section>
        </>
      )}
    </main>
  );
}
