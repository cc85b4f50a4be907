import { useState } from 'react';
import type { MessageKey } from '@/lib/i18n';
import { marketplaceName, stepText } from '@/lib/i18n/phrases';
import type { MarketplaceId } from '@/lib/marketplaces/types';
import { POLICIES } from '@/lib/policies';
import type {
  BuyerEventType,
  CasePlan,
  EventDetails,
  Outcome,
  StepAction,
} from '@/lib/timeline/types';
import { OUTCOMES } from '@/lib/timeline/types';
import { useI18n } from './I18n';
import { TimeForm } from './TimeForm';

/** Something the buyer can say they did, as a button. */
export interface RecordChoice {
  id: string;
  event: BuyerEventType;
  label: MessageKey;
  details?: EventDetails;
}

/** The record that answers each next step: doing the step, then saying so. */
const RECORD_OF_ACTION: Partial<Record<StepAction, BuyerEventType>> = {
  'inspect-items': 'items-inspected',
  'contact-seller': 'contacted-seller',
  'request-refund': 'refund-requested',
  'open-dispute': 'dispute-opened',
  escalate: 'escalated',
  'follow-up': 'platform-contacted',
};

function resolutions(): RecordChoice[] {
  return OUTCOMES.map((outcome: Outcome) => ({
    id: `resolved-${outcome}`,
    event: 'resolved',
    label: `record.resolved.${outcome}`,
    details: { outcome },
  }));
}

/** The steps of a dispute on this marketplace, then how it ended. */
function caseRecordChoices(marketplace: MarketplaceId): RecordChoice[] {
  return [
    ...POLICIES[marketplace].disputeSteps.map((event) => ({
      id: event,
      event,
      label: `record.${event}` as MessageKey,
    })),
    ...resolutions(),
  ];
}

/** What happened to the order itself, case or not. */
function orderRecordChoices(paypal: boolean): RecordChoice[] {
  const events: BuyerEventType[] = ['received', 'items-inspected', 'receipt-confirmed'];
  return [
    ...events.map((event) => ({ id: event, event, label: `record.${event}` as MessageKey })),
    {
      id: 'order-cancelled',
      event: 'order-cancelled',
      label: 'record.order-cancelled',
      details: { cancelledBy: 'buyer' },
    },
    ...(paypal
      ? [
          {
            id: 'paypal-dispute-opened',
            event: 'paypal-dispute-opened' as const,
            label: 'record.paypal-dispute-opened' as const,
          },
        ]
      : []),
  ];
}

function RecordButtons({
  choices,
  suggested,
  now,
  onRecord,
}: {
  choices: readonly RecordChoice[];
  suggested: BuyerEventType | undefined;
  now: Date;
  onRecord: (choice: RecordChoice, at: string) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<RecordChoice>();
  return (
    <div className="record">
      <div className="record-buttons">
        {choices.map((choice) => (
          <button
            key={choice.id}
            type="button"
            className={choice.event === suggested ? 'primary' : undefined}
            aria-expanded={open?.id === choice.id}
            onClick={() => {
              setOpen(open?.id === choice.id ? undefined : choice);
            }}
          >
            {t(choice.label)}
          </button>
        ))}
      </div>
      {open && (
        <TimeForm
          key={open.id}
          label={t('case.whenDid', { what: t(open.label) })}
          initial={now.toISOString()}
          onCancel={() => {
            setOpen(undefined);
          }}
          onSave={(at) => {
            onRecord(open, at);
            setOpen(undefined);
          }}
        />
      )}
    </div>
  );
}

/**
 * What to do next, where on the marketplace to do it, and the buttons to say it is done.
 * The step's own record is the highlighted button.
 */
export function NextStepCard({
  marketplace,
  plan,
  hasCase,
  paypal,
  now,
  onRecord,
}: {
  marketplace: MarketplaceId;
  plan: CasePlan;
  hasCase: boolean;
  paypal: boolean;
  now: Date;
  onRecord: (choice: RecordChoice, at: string) => void;
}) {
  const { t, language, dateTime, countdown } = useI18n();
  const step = plan.nextStep;
  const where = step.instructions?.[language] ?? [];
  const suggested = RECORD_OF_ACTION[step.action];
  return (
    <section className={step.dueNow ? 'card next-step due' : 'card next-step'}>
      <h2>{t('case.nextStep')}</h2>
      <p className="step">{stepText(t, step, marketplace)}</p>
      {step.dueNow ? (
        <p className="when due">{t('step.dueNow')}</p>
      ) : step.dueAt ? (
        <p className="when">
          {t('step.waitUntil', { date: dateTime(step.dueAt) })} ({countdown(step.dueAt, now)})
        </p>
      ) : null}
      {where.length > 0 && (
        <div className="where">
          <h3>{t('step.where', { marketplace: marketplaceName(marketplace) })}</h3>
          <ol>
            {where.map((instruction) => (
              <li key={instruction}>{instruction}</li>
            ))}
          </ol>
        </div>
      )}
      {plan.notes.map((note) => (
        <p key={note} className="note">
          {t(note)}
        </p>
      ))}
      <h3>{t('case.record')}</h3>
      <RecordButtons
        choices={hasCase ? caseRecordChoices(marketplace) : orderRecordChoices(paypal)}
        suggested={suggested}
        now={now}
        onRecord={onRecord}
      />
      {hasCase && (
        <details className="order-records">
          <summary>{t('case.orderRecords')}</summary>
          <RecordButtons
            choices={orderRecordChoices(paypal)}
            suggested={suggested}
            now={now}
            onRecord={onRecord}
          />
        </details>
      )}
    </section>
  );
}
