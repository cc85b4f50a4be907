import * as v from 'valibot';
import { useId, useState, type ReactNode } from 'react';
import type { OrderEdits, StoredOrder } from '@/lib/db/schema';
import { marketplaceName } from '@/lib/i18n/phrases';
import {
  MARKETPLACE_IDS,
  ORDER_STATUSES,
  type MarketplaceId,
  type OrderStatus,
} from '@/lib/marketplaces/types';
import { minorDigits, parseMoney } from '@/lib/money';
import { isMarketplaceUrl, isOrderNumberOf } from '@/lib/marketplaces/registry';
import { MoneySchema } from '@/lib/messaging/protocol';
import { useActions } from './Actions';
import { fromLocalInput, toLocalInput } from './datetime';
import { useI18n } from './I18n';
import { refusalText } from './refusal';

const DATE_FIELDS = ['placedAt', 'shippedAt', 'receivedAt', 'protectionEndsAt'] as const;
type DateField = (typeof DATE_FIELDS)[number];
type TextField = 'seller' | 'trackingNumber' | 'carrier' | 'detailUrl';

type Values = Record<DateField | TextField | 'amount' | 'currency' | 'orderNumber', string> & {
  marketplace: MarketplaceId;
  status: OrderStatus | '';
};

function initialValues(order: StoredOrder | undefined): Values {
  const local = (iso: string | undefined) => (iso ? toLocalInput(iso) : '');
  const digits = order?.total ? (minorDigits(order.total.currency) ?? 2) : 2;
  return {
    marketplace: order?.marketplace ?? 'dhgate',
    orderNumber: order?.orderNumber ?? '',
    status: order?.status ?? '',
    amount: order?.total ? (order.total.minor / 10 ** digits).toFixed(digits) : '',
    currency: order?.total?.currency ?? 'USD',
    placedAt: local(order?.placedAt),
    shippedAt: local(order?.shippedAt),
    receivedAt: local(order?.receivedAt),
    protectionEndsAt: local(order?.protectionEndsAt),
    seller: order?.seller?.name ?? '',
    trackingNumber: order?.trackingNumber ?? '',
    carrier: order?.carrier ?? '',
    detailUrl: order?.detailUrl ?? '',
  };
}

type Problems = Partial<Record<keyof Values, true>>;

/** What the form holds as the buyer's edits, or the fields that are wrong. */
function editsOf(values: Values): { edits: OrderEdits; problems: Problems } {
  const problems: Problems = {};
  const edits: OrderEdits = {};
  if (values.status) edits.status = values.status;
  if (values.amount.trim()) {
    const total = parseMoney(values.amount, values.currency);
    if (total && v.is(MoneySchema, total)) edits.total = total;
    else problems.amount = true;
  }
  for (const field of DATE_FIELDS) {
    if (!values[field]) continue;
    const at = fromLocalInput(values[field]);
    if (at) edits[field] = at;
    else problems[field] = true;
  }
  if (values.seller.trim()) edits.seller = { name: values.seller.trim() };
  if (values.trackingNumber.trim()) edits.trackingNumber = values.trackingNumber.trim();
  if (values.carrier.trim()) edits.carrier = values.carrier.trim();
  if (values.detailUrl.trim()) {
    const detailUrl = values.detailUrl.trim();
    if (isMarketplaceUrl(values.marketplace, detailUrl)) edits.detailUrl = detailUrl;
    else problems.detailUrl = true;
  }
  return { edits, problems };
}

/** Only what the buyer changed: the fields they left alone keep following the pages. */
function changedEdits(order: StoredOrder, edits: OrderEdits): OrderEdits {
  const before: OrderEdits = editsOf(initialValues(order)).edits;
  return Object.fromEntries(
    Object.entries(edits).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof OrderEdits]),
    ),
  );
}

function Field({
  label,
  invalid,
  hint,
  children,
}: {
  label: string;
  invalid?: boolean;
  /** What is wrong, said under the field while it is. */
  hint?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={invalid ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {invalid && hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}

/**
 * An order typed by hand, or corrected: for a page CaseClock could not read, or an order it
 * never saw. What the buyer types always wins over what pages show.
 */
export function OrderForm({
  order,
  onSaved,
  onCancel,
}: {
  order?: StoredOrder;
  onSaved: (orderId: string) => void;
  onCancel?: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { send } = useActions();
  const [values, setValues] = useState(() => initialValues(order));
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string>();
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
  };
  const text =
    (field: keyof Values, type = 'text') =>
    (id: string) => (
      <input
        id={id}
        type={type}
        value={values[field]}
        aria-invalid={problems[field] === true}
        onChange={(event) => {
          set(field, event.target.value as never);
        }}
      />
    );

  const save = async () => {
    const { edits, problems: found } = editsOf(values);
    // The same checks the background makes, said beside the field before sending. A tracked
    // order keeps its number, whatever an older version stored.
    if (!order && !isOrderNumberOf(values.marketplace, values.orderNumber.trim())) {
      found.orderNumber = true;
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setError(t('form.invalid'));
      return;
    }
    const reply = order
      ? await send({ type: 'order-edit', orderId: order.id, edits: changedEdits(order, edits) })
      : await send({
          type: 'order-add',
          marketplace: values.marketplace,
          orderNumber: values.orderNumber.trim(),
          edits,
        });
    if (reply.ok) onSaved(reply.orderId);
    else setError(refusalText(i18n, reply));
  };

  return (
    <form
      className="card order-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>{order ? t('form.editOrder') : t('form.newOrder')}</h2>
      {!order && <p className="quiet">{t('form.explain')}</p>}
      <div className="fields">
        <Field label={t('form.marketplace')}>
          {(id) => (
            <select
              id={id}
              value={values.marketplace}
              disabled={order !== undefined}
              onChange={(event) => {
                set('marketplace', event.target.value as MarketplaceId);
              }}
            >
              {MARKETPLACE_IDS.map((id) => (
                <option key={id} value={id}>
                  {marketplaceName(id)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('form.orderNumber')}
          invalid={problems.orderNumber}
          hint={t('form.orderNumber.invalid', { marketplace: marketplaceName(values.marketplace) })}
        >
          {(id) => (
            <input
              id={id}
              required
              value={values.orderNumber}
              readOnly={order !== undefined}
              aria-invalid={problems.orderNumber === true}
              onChange={(event) => {
                set('orderNumber', event.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('form.status')}>
          {(id) => (
            <select
              id={id}
              value={values.status}
              onChange={(event) => {
                set('status', event.target.value as OrderStatus | '');
              }}
            >
              <option value="">{t('order.status.unknown')}</option>
              {ORDER_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('form.total')} invalid={problems.amount}>
          {(id) => (
            <span className="money-input">
              <input
                id={id}
                inputMode="decimal"
                value={values.amount}
                aria-invalid={problems.amount === true}
                onChange={(event) => {
                  set('amount', event.target.value);
                }}
              />
              <input
                aria-label={t('form.currency')}
                className="currency"
                maxLength={3}
                value={values.currency}
                onChange={(event) => {
                  set('currency', event.target.value.toUpperCase());
                }}
              />
            </span>
          )}
        </Field>
        <Field label={t('form.placedAt')} invalid={problems.placedAt}>
          {text('placedAt', 'datetime-local')}
        </Field>
        <Field label={t('form.shippedAt')} invalid={problems.shippedAt}>
          {text('shippedAt', 'datetime-local')}
        </Field>
        <Field label={t('form.receivedAt')} invalid={problems.receivedAt}>
          {text('receivedAt', 'datetime-local')}
        </Field>
        {values.marketplace === 'aliexpress' && (
          <Field label={t('form.protectionEndsAt')} invalid={problems.protectionEndsAt}>
            {text('protectionEndsAt', 'datetime-local')}
          </Field>
        )}
        <Field label={t('form.seller')}>{text('seller')}</Field>
        <Field label={t('form.trackingNumber')}>{text('trackingNumber')}</Field>
        <Field label={t('form.carrier')}>{text('carrier')}</Field>
        <Field
          label={t('form.detailUrl')}
          invalid={problems.detailUrl}
          hint={t('form.detailUrl.invalid', { marketplace: marketplaceName(values.marketplace) })}
        >
          {text('detailUrl', 'url')}
        </Field>
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary">
          {t('form.save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('case.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
