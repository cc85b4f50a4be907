import { Fragment, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { orderPageUrl, type EvidenceRecord } from '../db/schema';
import { translator, type MessageKey, type Translate } from '../i18n';
import { dateFormat } from '../i18n/format';
import {
  compensationText,
  formatPeriod,
  localeFor,
  marketplaceName,
  ruleTiming,
  sourceName,
  sourceStanding,
  stepText,
} from '../i18n/phrases';
import { formatMoney } from '../money';
import type { Deadline } from '../timeline/types';
import { isInstant } from '../timeline/usable';
import { describeEvent, formatDay, showsLabel } from './draft';
import type { PackFileEntry, PackInput } from './pack';

/** One file of the pack's evidence, as index.html lists it. */
export interface PackPageFile {
  record: EvidenceRecord;
  /** Its line in manifest.json: where it is in the pack, its SHA-256, whether it is intact. */
  entry: PackFileEntry;
  /** Besides its row: a thumbnail, its words in full, or nothing more. */
  shownAs: 'image' | 'text' | 'file';
}

export interface PackPageContent {
  /** The order, case and steps as the plan rests on them (see usableMaterial). */
  input: PackInput;
  files: readonly PackPageFile[];
  /** Evidence whose file was not available. */
  missing: readonly EvidenceRecord[];
  /** The message, as message-<language>.txt holds it. */
  message: string;
}

const STYLE = `
@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #111; max-width: 180mm; margin: 0 auto; padding: 12px; }
h1 { font-size: 16pt; margin: 0 0 4px; }
h2 { font-size: 12.5pt; margin: 18px 0 6px; border-bottom: 1px solid #999; padding-bottom: 2px; }
p.meta { color: #444; margin: 2px 0; font-size: 9pt; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; }
th, td { border: 1px solid #bbb; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #eee; }
code, .hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 7.5pt; word-break: break-all; }
dd, td a, td code { overflow-wrap: anywhere; }
.passed { color: #555; }
.warning { color: #a00; font-weight: 600; }
blockquote { margin: 2px 0 0; padding-left: 6px; border-left: 2px solid #bbb; color: #333; }
.images { display: flex; flex-wrap: wrap; gap: 8px; }
figure { margin: 0; width: 55mm; }
figure img { max-width: 100%; max-height: 55mm; border: 1px solid #bbb; display: block; }
figcaption { font-size: 8pt; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font: 9.5pt/1.4 ui-monospace, Menlo, Consolas, monospace; background: #f6f6f6; border: 1px solid #ddd; padding: 8px; margin: 4px 0; }
@media print {
  body { max-width: none; padding: 0; }
  a { color: inherit; }
  h2 { break-after: avoid; }
  tr, figure, pre, dl { break-inside: avoid; }
  pre { background: none; }
}
`;

/** What every part of the page words things with. */
interface Page {
  input: PackInput;
  t: Translate;
  marketplace: string;
  dateTime: (instant: string) => string;
  day: (instant: string) => string;
}

/** Lines of text, one under the other. */
function Lines({ lines }: { lines: readonly ReactNode[] }) {
  return lines.map((line, index) => (
    <Fragment key={index}>
      {index > 0 && <br />}
      {line}
    </Fragment>
  ));
}

function isWebAddress(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** A link for an http(s) address; anything else (javascript:, data:…) stays plain text. */
function ExternalLink({ url, label = url }: { url: string; label?: string }) {
  return isWebAddress(url) ? (
    <a href={url} rel="noreferrer">
      {label}
    </a>
  ) : (
    label
  );
}

/** A path inside the pack as a relative address, each segment encoded. */
function packHref(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** A text that is shown only when there is one. */
function optional(text: string | undefined): string | undefined {
  return text ? text : undefined;
}

/** Terms and their values; a term without a value is left out. */
function DefinitionList({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl>
      {rows
        .filter(([, value]) => value !== undefined)
        .map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
    </dl>
  );
}

function Table({
  t,
  columns,
  children,
}: {
  t: Translate;
  columns: readonly MessageKey[];
  children: ReactNode;
}) {
  return (
    <table>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column}>{t(column)}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

function OrderSection({ page }: { page: Page }) {
  const { input, t, marketplace, day, dateTime } = page;
  const { order } = input;
  const orderPage = orderPageUrl(order);
  const items = order.items
    .filter((item) => item.title.trim() !== '')
    .map((item) =>
      item.quantity === undefined
        ? item.title
        : t('draft.text.fact.item', { title: item.title, quantity: item.quantity }),
    );
  // The agent's warehouse photographed each item before shipping it on: what was sent.
  const qcPhotos = order.items.flatMap((item) =>
    (item.qcPhotos ?? []).map((url) => (
      <Fragment key={url}>
        {t('pack.doc.itemLabel', { title: item.title })} <ExternalLink url={url} />
      </Fragment>
    )),
  );
  // When each reached the warehouse: its return window, a few days long, ran from then.
  const stockIns = order.items.flatMap((item) =>
    item.stockedInAt
      ? [`${t('pack.doc.itemLabel', { title: item.title })} ${dateTime(item.stockedInAt)}`]
      : [],
  );
  return (
    <>
      <h2>{t('pack.doc.heading.order')}</h2>
      <DefinitionList
        rows={[
          [t('pack.doc.field.marketplace'), marketplace],
          [t('pack.doc.field.orderNumber'), order.orderNumber],
          [t('pack.doc.field.caseNumber'), optional(order.dispute?.caseNumber)],
          [
            t('pack.doc.field.status'),
            order.status ? t(`status.${order.status}`) : optional(order.statusText),
          ],
          [t('pack.doc.field.placedAt'), order.placedAt ? day(order.placedAt) : undefined],
          [
            t('pack.doc.field.total'),
            order.total ? formatMoney(order.total, localeFor(input.language)) : undefined,
          ],
          [t('pack.doc.field.seller'), optional(order.seller?.name)],
          [t('pack.doc.field.items'), items.length > 0 ? <Lines lines={items} /> : undefined],
          [
            t('pack.doc.field.qcPhotos'),
            qcPhotos.length > 0 ? <Lines lines={qcPhotos} /> : undefined,
          ],
          [
            t('pack.doc.field.stockedIn'),
            stockIns.length > 0 ? <Lines lines={stockIns} /> : undefined,
          ],
          [t('pack.doc.field.shippedAt'), order.shippedAt ? day(order.shippedAt) : undefined],
          [t('pack.doc.field.tracking'), optional(order.trackingNumber)],
          [t('pack.doc.field.carrier'), optional(order.carrier)],
          [t('pack.doc.field.receivedAt'), order.receivedAt ? day(order.receivedAt) : undefined],
          [t('pack.doc.field.orderPage'), orderPage ? <ExternalLink url={orderPage} /> : undefined],
        ]}
      />
    </>
  );
}

function CaseSection({ page }: { page: Page }) {
  const { input, t, dateTime } = page;
  const { openCase, plan } = input;
  const locale = localeFor(input.language);
  const nextStep = stepText(t, plan.nextStep, input.order.marketplace);
  const compensation = plan.compensation.map((item) =>
    compensationText(t, item, (amount) => formatMoney(amount, locale)),
  );
  return (
    <>
      <h2>{t('pack.doc.heading.case')}</h2>
      <DefinitionList
        rows={[
          [t('pack.doc.field.reason'), t(`reason.${openCase.reason}`)],
          // The one date of the case nothing plans on: usableMaterial leaves it as it was stored.
          [
            t('pack.doc.field.openedAt'),
            isInstant(openCase.openedAt) ? dateTime(openCase.openedAt) : undefined,
          ],
          [
            t('pack.doc.field.closedAt'),
            openCase.closedAt ? dateTime(openCase.closedAt) : undefined,
          ],
          [t('pack.doc.field.stage'), t(`stage.${plan.stage}`)],
          [
            t('pack.doc.field.nextStep'),
            plan.nextStep.dueAt ? `${nextStep} (${dateTime(plan.nextStep.dueAt)})` : nextStep,
          ],
          [
            t('pack.doc.field.compensation'),
            compensation.length > 0 ? <Lines lines={compensation} /> : undefined,
          ],
        ]}
      />
    </>
  );
}

function EventsTable({ page }: { page: Page }) {
  const { input, t, marketplace, dateTime } = page;
  if (input.events.length === 0) return <p>{t('pack.doc.events.none')}</p>;
  return (
    <Table
      t={t}
      columns={['pack.doc.column.when', 'pack.doc.column.event', 'pack.doc.column.source']}
    >
      {input.events.map((event, index) => (
        <tr key={index}>
          <td>{dateTime(event.at)}</td>
          <td>{describeEvent(event, t, marketplace)}</td>
          <td>
            {t(event.source === 'page' ? 'pack.doc.source.page' : 'pack.doc.source.buyer')}
            {event.originalAt !== undefined && event.originalAt !== event.at && (
              <>
                <br />
                {t('pack.doc.corrected', { date: dateTime(event.originalAt) })}
              </>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

function RuleCell({ deadline, page }: { deadline: Deadline; page: Page }) {
  const { input, t, dateTime } = page;
  const lines: string[] = [];
  const timing = deadline.after && ruleTiming(t, deadline.after, input.language, dateTime);
  if (timing) lines.push(timing);
  if (deadline.override) {
    const { from, to, unit } = deadline.override;
    lines.push(
      t('pack.doc.deadline.override', {
        from: formatPeriod(from, unit, input.language, t) ?? String(from),
        to: formatPeriod(to, unit, input.language, t) ?? String(to),
      }),
    );
  }
  return <Lines lines={lines} />;
}

/** The source's name (linked to it when it is online), how far to trust it, and its words. */
function SourceCell({ deadline, page }: { deadline: Deadline; page: Page }) {
  const { input, t } = page;
  const { source } = deadline;
  const name = sourceName(t, source, input.language);
  return (
    <>
      {source.url ? <ExternalLink url={source.url} label={name} /> : name}
      <br />
      {sourceStanding(t, source, localeFor(input.language))}
      {source.quote && <blockquote>{source.quote}</blockquote>}
    </>
  );
}

function DeadlinesTable({ page }: { page: Page }) {
  const { input, t, dateTime } = page;
  if (input.plan.deadlines.length === 0) return <p>{t('pack.doc.deadlines.none')}</p>;
  return (
    <Table
      t={t}
      columns={[
        'pack.doc.column.deadline',
        'pack.doc.column.due',
        'pack.doc.column.rule',
        'pack.doc.column.source',
      ]}
    >
      {input.plan.deadlines.map((deadline, index) => {
        const state = t(
          deadline.passed ? 'pack.doc.deadline.passed' : 'pack.doc.deadline.upcoming',
        );
        return (
          <tr key={index} className={deadline.passed ? 'passed' : undefined}>
            <td>{t(`deadline.${deadline.kind}`)}</td>
            <td>{`${dateTime(deadline.dueAt)} (${state})`}</td>
            <td>
              <RuleCell deadline={deadline} page={page} />
            </td>
            <td>
              <SourceCell deadline={deadline} page={page} />
            </td>
          </tr>
        );
      })}
    </Table>
  );
}

/** Where a piece of evidence was captured: the page's title and address. */
function PageCell({ record }: { record: EvidenceRecord }) {
  const lines: ReactNode[] = [];
  if (record.title) lines.push(record.title);
  if (record.url) lines.push(<ExternalLink url={record.url} />);
  return <Lines lines={lines} />;
}

/** The cells every piece of evidence has, whether its file is in the pack or not. */
function EvidenceCells({ record, page }: { record: EvidenceRecord; page: Page }) {
  const { t, dateTime } = page;
  return (
    <>
      <td>{t(`evidence.kind.${record.kind}`)}</td>
      <td>{showsLabel(record, t)}</td>
      <td>{dateTime(record.capturedAt)}</td>
      <td>
        <PageCell record={record} />
      </td>
    </>
  );
}

function EvidenceTable({
  page,
  files,
  missing,
}: { page: Page } & Omit<PackPageContent, 'input' | 'message'>) {
  const { t } = page;
  if (files.length === 0 && missing.length === 0) return <p>{t('pack.doc.evidence.none')}</p>;
  return (
    <Table
      t={t}
      columns={[
        'pack.doc.column.file',
        'pack.doc.column.kind',
        'pack.doc.column.shows',
        'pack.doc.column.captured',
        'pack.doc.column.page',
        'pack.doc.column.sha256',
      ]}
    >
      {files.map((file, index) => (
        <tr key={index}>
          <td>
            <a href={packHref(file.entry.path)}>{file.record.name}</a>
            <br />
            <code>{file.entry.path}</code>
          </td>
          <EvidenceCells record={file.record} page={page} />
          <td>
            <span className="hash">{file.entry.sha256}</span>
            {file.entry.matchesRecord !== undefined && <br />}
            {file.entry.matchesRecord === true && t('pack.doc.evidence.matches')}
            {file.entry.matchesRecord === false && (
              <span className="warning">{t('pack.doc.evidence.mismatch')}</span>
            )}
          </td>
        </tr>
      ))}
      {missing.map((record, index) => (
        <tr key={index}>
          <td>
            {record.name}
            <br />
            <span className="warning">{t('pack.doc.evidence.missing')}</span>
          </td>
          <EvidenceCells record={record} page={page} />
          <td>
            <span className="hash">{record.sha256 ?? ''}</span>
          </td>
        </tr>
      ))}
    </Table>
  );
}

function ImagesSection({ page, files }: { page: Page; files: readonly PackPageFile[] }) {
  const { t } = page;
  const images = files.filter((file) => file.shownAs === 'image');
  if (images.length === 0) return null;
  return (
    <>
      <h2>{t('pack.doc.heading.images')}</h2>
      <div className="images">
        {images.map((file, index) => (
          <figure key={index}>
            <a href={packHref(file.entry.path)}>
              {/* A low priority keeps React from announcing the image with a <link rel="preload">. */}
              <img src={packHref(file.entry.path)} alt={file.record.name} fetchPriority="low" />
            </a>
            <figcaption>{`${file.record.name} · ${showsLabel(file.record, t)}`}</figcaption>
          </figure>
        ))}
      </div>
    </>
  );
}

function TextsSection({ page, files }: { page: Page; files: readonly PackPageFile[] }) {
  const { t, dateTime } = page;
  const texts = files.filter((file) => file.shownAs === 'text');
  if (texts.length === 0) return null;
  return (
    <>
      <h2>{t('pack.doc.heading.texts')}</h2>
      {texts.map(({ record }, index) => (
        <Fragment key={index}>
          <h3>{record.name}</h3>
          <p className="meta">
            {`${t(`evidence.kind.${record.kind}`)} · ${dateTime(record.capturedAt)}`}
            {record.url && (
              <>
                {' · '}
                <ExternalLink url={record.url} />
              </>
            )}
          </p>
          <pre>{record.text ?? ''}</pre>
        </Fragment>
      ))}
    </>
  );
}

function PackPage({ input, files, missing, message }: PackPageContent) {
  const t = translator(input.language);
  const marketplace = marketplaceName(input.order.marketplace);
  const dateTimeFormat = dateFormat(localeFor(input.language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: input.timeZone,
  });
  const page: Page = {
    input,
    t,
    marketplace,
    dateTime: (instant) => dateTimeFormat.format(new Date(instant)),
    day: (instant) => formatDay(instant, input.language, input.timeZone),
  };
  const title = t('pack.doc.title', { marketplace, number: input.order.orderNumber });
  return (
    <html lang={input.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <h1>{title}</h1>
        <p className="meta">
          {t('pack.doc.generated', {
            date: page.dateTime(input.generatedAt),
            zone: input.timeZone,
          })}
        </p>
        <p className="meta">{t('pack.doc.integrity')}</p>
        <OrderSection page={page} />
        <CaseSection page={page} />
        <h2>{t('pack.doc.heading.timeline')}</h2>
        <EventsTable page={page} />
        <h2>{t('pack.doc.heading.deadlines')}</h2>
        <DeadlinesTable page={page} />
        <h2>{t('pack.doc.heading.evidence')}</h2>
        <EvidenceTable page={page} files={files} missing={missing} />
        <ImagesSection page={page} files={files} />
        <TextsSection page={page} files={files} />
        <h2>{t('pack.doc.heading.message')}</h2>
        <pre>{message}</pre>
      </body>
    </html>
  );
}

/**
 * The pack's printable index.html. React writes every value as text or as a quoted attribute,
 * so nothing from a page or the buyer can become markup; links go only to http(s) addresses
 * and to the pack's own files.
 */
export function packPageHtml(content: PackPageContent): string {
  return `<!DOCTYPE html>\n${renderToStaticMarkup(<PackPage {...content} />)}\n`;
}
