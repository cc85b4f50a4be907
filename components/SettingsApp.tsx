import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import type { CaseClockDatabase } from '@/lib/db/database';
import { evidenceSpace } from '@/lib/db/evidence';
import { planEach, readTrackedData } from '@/lib/db/plans';
import { deadlinesCalendar } from '@/lib/export/calendar';
import { ordersCsv } from '@/lib/export/orders-csv';
import { readSettings } from '@/lib/db/settings';
import { localDateTime } from '@/lib/i18n/format';
import { marketplaceName, sourceLine } from '@/lib/i18n/phrases';
import { MARKETPLACE_IDS, type MarketplaceId } from '@/lib/marketplaces/types';
import { PAYPAL_POLICY, POLICIES } from '@/lib/policies';
import type { MarketplacePolicy, Rule } from '@/lib/policies/types';
import { keepStorage, storageUsed, type BrowserStorage } from '@/lib/storage-space';
import type { Settings } from '@/lib/timeline/types';
import { byRank, trackedOrder } from '@/lib/tracked-orders';
import { BackupCard } from './Backup';
import { RestoreCard } from './Restore';
import { CalendarDownload } from './CalendarDownload';
import { download } from './download';
import { useI18n } from './I18n';
import { useWrite, WriteProblem } from './Write';

type PolicyKey = MarketplaceId | 'paypal';

/**
 * A whole-number input that keeps what the buyer types while the saved value makes its round
 * trip through the background; a controlled input would drop keystrokes in between.
 */
function WholeNumberInput({
  value,
  max,
  onValue,
  ...attributes
}: {
  id: string;
  value: number | undefined;
  max: number;
  placeholder?: string;
  onValue: (value: number | undefined) => void;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  return (
    <input
      {...attributes}
      type="number"
      min={0}
      max={max}
      step={1}
      inputMode="numeric"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        const number = event.target.valueAsNumber;
        onValue(Number.isInteger(number) && number >= 0 && number <= max ? number : undefined);
      }}
    />
  );
}

function RuleOverride({
  policyKey,
  rule,
  value,
  onChange,
}: {
  policyKey: PolicyKey;
  rule: Rule;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}) {
  const { t, language, locale } = useI18n();
  const id = useId();
  return (
    <div className="override-row" data-rule={`${policyKey}.${rule.id}`}>
      <label htmlFor={id}>{rule.label[language]}</label>
      <span className="override-input">
        <WholeNumberInput
          id={id}
          max={3650}
          placeholder={t('settings.override.placeholder', { value: rule.value })}
          value={value}
          onValue={onChange}
        />
        <span className="quiet">{t(`unit.${rule.unit}`)}</span>
      </span>
      <span className="source quiet">{sourceLine(t, rule.source, language, locale)}</span>
    </div>
  );
}

function PolicyOverrides({
  policyKey,
  policy,
  settings,
  onChange,
}: {
  policyKey: PolicyKey;
  policy: MarketplacePolicy;
  settings: Settings;
  onChange: (overrides: Settings['overrides']) => void;
}) {
  const current = settings.overrides[policyKey] ?? {};
  const set = (ruleId: string, value: number | undefined) => {
    const others = Object.entries(current).filter(([id]) => id !== ruleId);
    const next = Object.fromEntries(value === undefined ? others : [...others, [ruleId, value]]);
    onChange({ ...settings.overrides, [policyKey]: next });
  };
  return (
    <fieldset className="policy-overrides">
      <legend>{policy.name}</legend>
      {Object.values(policy.rules).map((rule) => (
        <RuleOverride
          key={rule.id}
          policyKey={policyKey}
          rule={rule}
          value={current[rule.id]}
          onChange={(value) => {
            set(rule.id, value);
          }}
        />
      ))}
    </fieldset>
  );
}

/** The buyer's settings: their DHgate tier, reminders, PayPal, their own rule values, the panel. */
/**
 * The space CaseClock takes, and whether the browser keeps it when the disk runs short (asked
 * for here as well as from the popup, so a buyer who looks is never told a stale answer).
 */
function StorageSpace({ db, storage }: { db: CaseClockDatabase; storage: BrowserStorage }) {
  const { t, size } = useI18n();
  const evidence = useLiveQuery(() => evidenceSpace(db), [db]);
  const [browser, setBrowser] = useState<{ kept?: boolean; used?: number }>();
  // Asked again as the evidence changes: the browser's figure follows it.
  useEffect(() => {
    let shown = true;
    void Promise.all([keepStorage(storage), storageUsed(storage)]).then(([kept, used]) => {
      if (shown) setBrowser({ kept, used });
    });
    return () => {
      shown = false;
    };
  }, [storage, evidence]);
  return (
    <section className="card storage-space">
      <h2>{t('settings.storage')}</h2>
      {evidence !== undefined && (
        <p>
          {evidence > 0
            ? t('settings.storage.evidence', { size: size(evidence) })
            : t('settings.storage.noEvidence')}
        </p>
      )}
      {browser?.used !== undefined && (
        <p>{t('settings.storage.total', { size: size(browser.used) })}</p>
      )}
      {browser?.kept === true && <p>{t('settings.storage.kept')}</p>}
      {browser?.kept === false && <p className="notice">{t('settings.storage.mayClear')}</p>}
    </section>
  );
}

/**
 * "Export orders (CSV)": every order, most urgent first, as the buyer's spreadsheet reads it;
 * "Export all deadlines": every deadline ahead, as their calendar reads it.
 */
function OrdersExport({ db }: { db: CaseClockDatabase }) {
  const { t, language, timeZone } = useI18n();
  const [failed, setFailed] = useState<string>();
  const exportOrders = async () => {
    setFailed(undefined);
    const now = new Date();
    const planned = planEach(await readTrackedData(db), { now: now.toISOString(), timeZone });
    const orders = planned.map(trackedOrder).sort(byRank);
    const csv = ordersCsv(orders, { t, timeZone });
    const day = localDateTime(now.toISOString(), timeZone).slice(0, 10);
    download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `caseclock-orders-${day}.csv`);
  };
  const deadlinesAt = async (now: string) => {
    const data = await readTrackedData(db);
    return deadlinesCalendar(planEach(data, { now, timeZone }), {
      t,
      language,
      timeZone,
      now,
      leadHours: data.settings.reminderLeadHours,
    });
  };
  return (
    <section className="card">
      <h2>{t('settings.export')}</h2>
      <button
        type="button"
        onClick={() => {
          exportOrders().catch((error: unknown) => {
            setFailed(error instanceof Error ? error.message : String(error));
          });
        }}
      >
        {t('settings.exportCsv')}
      </button>
      {failed !== undefined && (
        <p className="notice error" role="alert">
          {t('settings.exportFailed', { error: failed })}
        </p>
      )}
      <p className="quiet">{t('calendar.explain')}</p>
      <CalendarDownload
        label={t('calendar.exportAll')}
        calendarAt={deadlinesAt}
        fileName={(day) => `caseclock-deadlines-${day}.ics`}
        none={t('calendar.none')}
      />
    </section>
  );
}

export function SettingsApp({
  db,
  storage,
  startBackup = false,
}: {
  db: CaseClockDatabase;
  /** Where the page finds CaseClock's data; the space is not shown without it. */
  storage?: BrowserStorage;
  /** The buyer asked for a backup from the popup: make it as the page opens. */
  startBackup?: boolean;
}) {
  const { t, language } = useI18n();
  const { problem, write } = useWrite();
  const settings = useLiveQuery(() => readSettings(db), [db]);
  const [saved, setSaved] = useState(false);
  const tierId = useId();
  const leadId = useId();
  if (!settings) return null;

  const update = (change: Partial<Settings>) => {
    setSaved(false);
    void write({ type: 'settings-update', settings: change }).then(setSaved);
  };
  const dhgate = POLICIES.dhgate;

  return (
    <main className="workspace settings">
      <header className="case-header">
        <div className="case-title">
          <h1>{t('settings.title')}</h1>
          {saved && (
            <span className="notice ok" role="status">
              {t('settings.saved')}
            </span>
          )}
        </div>
      </header>
      <WriteProblem problem={problem} />
      <section className="card">
        <div className="field">
          <label htmlFor={tierId}>{t('settings.membership')}</label>
          <select
            id={tierId}
            value={settings.membership.dhgate ?? dhgate.defaultTier ?? ''}
            onChange={(event) => {
              update({ membership: { ...settings.membership, dhgate: event.target.value } });
            }}
          >
            {dhgate.tiers.map((tier) => (
              <option key={tier.id} value={tier.id}>
                {tier.label[language]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={leadId}>{t('settings.lead')}</label>
          <WholeNumberInput
            id={leadId}
            max={336}
            value={settings.reminderLeadHours}
            onValue={(hours) => {
              if (hours !== undefined) update({ reminderLeadHours: hours });
            }}
          />
        </div>
        <fieldset className="field">
          <legend>{t('settings.paypal')}</legend>
          {MARKETPLACE_IDS.map((marketplace) => (
            <label key={marketplace} className="check">
              <input
                type="checkbox"
                checked={settings.paypal[marketplace] === true}
                onChange={(event) => {
                  update({ paypal: { ...settings.paypal, [marketplace]: event.target.checked } });
                }}
              />{' '}
              {marketplaceName(marketplace)}
            </label>
          ))}
        </fieldset>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.showPanel}
            onChange={(event) => {
              update({ showPanel: event.target.checked });
            }}
          />{' '}
          {t('settings.panel')}
        </label>
      </section>
      {/* What keeps the buyer's records: before the long list of rules. */}
      <BackupCard db={db} settings={settings} onSettings={update} startNow={startBackup} />
      <RestoreCard db={db} />
      <OrdersExport db={db} />
      {storage && <StorageSpace db={db} storage={storage} />}
      <section className="card">
        <h2>{t('settings.overrides')}</h2>
        <p className="quiet">{t('settings.overridesExplain')}</p>
        {[
          ...MARKETPLACE_IDS.map((id) => [id, POLICIES[id]] as const),
          ['paypal', PAYPAL_POLICY] as const,
        ].map(([key, policy]) => (
          <PolicyOverrides
            key={key}
            policyKey={key}
            policy={policy}
            settings={settings}
            onChange={(overrides) => {
              update({ overrides });
            }}
          />
        ))}
      </section>
    </main>
  );
}
