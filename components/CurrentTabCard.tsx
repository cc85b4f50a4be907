import { useId, useState } from 'react';
import { ordersShownAt } from '@/lib/db/orders';
import { marketplaceName, stepText } from '@/lib/i18n/phrases';
import type { TrackedOrder } from '@/lib/tracked-orders';
import type { CaseReason } from '@/lib/timeline/types';
import { useActions } from './Actions';
import { useI18n } from './I18n';
import { refusalText } from './refusal';
import { ReasonPicker } from './ReasonPicker';
import { useWrite, WriteProblem } from './Write';

/** The tab the popup was opened on. */
export interface CurrentTab {
  id: number;
  windowId: number;
  url: string;
}

type Status =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'error'; text: string };

function useCapture(tab: CurrentTab) {
  const { send } = useActions();
  const i18n = useI18n();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const capture = async (caseId: string) => {
    setStatus({ kind: 'busy' });
    const reply = await send({
      type: 'evidence-capture',
      caseId,
      tabId: tab.id,
      windowId: tab.windowId,
    });
    setStatus(reply.ok ? { kind: 'done' } : { kind: 'error', text: refusalText(i18n, reply) });
  };
  return { status, capture };
}

function CaptureStatus({ status }: { status: Status }) {
  const { t } = useI18n();
  if (status.kind === 'done') {
    return (
      <p className="notice ok" role="status">
        {t('popup.captured')}
      </p>
    );
  }
  if (status.kind === 'error') {
    return (
      <p className="notice error" role="alert">
        {status.text}
      </p>
    );
  }
  return null;
}

/** The order shown in this tab: its next step, and the quick actions on it. */
function OrderOnThisPage({ tracked, tab }: { tracked: TrackedOrder; tab: CurrentTab }) {
  const { t } = useI18n();
  const { openCase } = useActions();
  const { problem, write } = useWrite();
  const { status, capture } = useCapture(tab);
  const [starting, setStarting] = useState(false);
  const { order, plan, openCase: current } = tracked;
  const start = async (reason: CaseReason) => {
    setStarting(true);
    await write({ type: 'case-start', orderId: order.id, reason });
    setStarting(false);
  };
  return (
    <section className="this-page" aria-label={t('popup.thisPage')}>
      <h2>
        {t('popup.thisPageOrder', {
          order: `${marketplaceName(order.marketplace)} ${order.orderNumber}`,
        })}
      </h2>
      <p className={plan.nextStep.dueNow ? 'this-page-step due' : 'this-page-step'}>
        {stepText(t, plan.nextStep, order.marketplace)}
      </p>
      {current ? (
        <div className="button-row">
          <button
            type="button"
            className="primary"
            disabled={status.kind === 'busy'}
            onClick={() => void capture(current.id)}
          >
            {t('popup.capture')}
          </button>
          <button
            type="button"
            onClick={() => {
              openCase(order.id);
            }}
          >
            {t('popup.openCase')}
          </button>
        </div>
      ) : (
        <>
          <ReasonPicker compact busy={starting} onStart={(reason) => void start(reason)} />
          <button
            type="button"
            className="link"
            onClick={() => {
              openCase(order.id);
            }}
          >
            {t('popup.openCase')}
          </button>
        </>
      )}
      <CaptureStatus status={status} />
      <WriteProblem problem={problem} />
    </section>
  );
}

/** Any other page (a carrier's site, a chat): capture it into one of the open cases. */
function CaptureIntoCase({ cases, tab }: { cases: readonly TrackedOrder[]; tab: CurrentTab }) {
  const { t } = useI18n();
  const id = useId();
  const { status, capture } = useCapture(tab);
  const [caseId, setCaseId] = useState(cases[0]?.openCase?.id ?? '');
  return (
    <section className="this-page" aria-label={t('popup.thisPage')}>
      <h2>{t('popup.captureInto')}</h2>
      <div className="button-row">
        <label htmlFor={id} className="visually-hidden">
          {t('popup.captureInto')}
        </label>
        <select
          id={id}
          value={caseId}
          onChange={(event) => {
            setCaseId(event.target.value);
          }}
        >
          {cases.map(({ order, openCase }) =>
            openCase ? (
              <option key={openCase.id} value={openCase.id}>
                {marketplaceName(order.marketplace)} {order.orderNumber} ·{' '}
                {t(`reason.${openCase.reason}`)}
              </option>
            ) : null,
          )}
        </select>
        <button
          type="button"
          className="primary"
          disabled={status.kind === 'busy' || !caseId}
          onClick={() => void capture(caseId)}
        >
          {t('popup.capture')}
        </button>
      </div>
      <CaptureStatus status={status} />
    </section>
  );
}

/** What CaseClock can do with the page the buyer is on. */
export function CurrentTabCard({
  tab,
  tracked,
}: {
  tab: CurrentTab | undefined;
  tracked: readonly TrackedOrder[];
}) {
  if (!tab || !/^https?:/.test(tab.url)) return null;
  const shown = ordersShownAt(
    tracked.map((entry) => entry.order),
    tab.url,
  );
  const [only] = shown;
  if (shown.length === 1 && only) {
    const entry = tracked.find((candidate) => candidate.order.id === only.id);
    if (entry) return <OrderOnThisPage tracked={entry} tab={tab} />;
  }
  const withCase = tracked.filter((entry) => entry.openCase && !entry.order.archived);
  return withCase.length > 0 ? <CaptureIntoCase cases={withCase} tab={tab} /> : null;
}
