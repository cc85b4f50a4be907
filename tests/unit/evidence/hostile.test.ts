import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '@/lib/db/schema';
import {
  dhgateNotReceived,
  event,
  fileEvidence,
  packBytes,
  packInput,
  pngBytes,
  type PackInputWithFiles,
} from './scenarios';

/**
 * Every value that reaches index.html comes from a marketplace page or from the buyer. Each
 * here carries markup, an event handler, an entity, a comment and right-to-left marks: none
 * may become an element or an attribute, and each must read exactly as it was written.
 */
const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</td></tr></table></pre><iframe src="https://evil.example">',
  '<!-- hidden -->',
  '&amp; &lt;b&gt; &#x3C;',
  '\u202eevil\u200f\u200e',
].join(' ');

/** A value for `field`: its name, then `HOSTILE` (or nothing, for the benign twin page). */
type Value = (field: string) => string;
const hostile: Value = (field) => `${field} ${HOSTILE}`;
const benign: Value = (field) => field;

/** Addresses: a script where a link goes, and a web address full of markup. */
const address = (value: Value, field: string) => ({
  script: `javascript:alert(1)//${value(field)}`,
  web: `https://example.com/?q=${value(field)}`,
});

function scenarioWith(value: Value) {
  const scenario = dhgateNotReceived();
  const { order, openCase } = scenario;
  scenario.order = {
    ...order,
    orderNumber: value('order number'),
    status: undefined,
    statusText: value('status text'),
    seller: { name: value('seller') },
    items: [{ title: value('first item'), quantity: 2 }, { title: value('second item') }],
    trackingNumber: value('tracking number'),
    carrier: value('carrier'),
    dispute: { status: value('dispute status'), caseNumber: value('case number') },
    // The pack links an order page only on the marketplace's own site: markup in its query.
    detailUrl: `https://m.dhgate.com/mydhgate/order/orderdetail.html?rfid=${value('order page')}`,
  };
  scenario.events = [
    event(order, 'tracking-uploaded', '2026-10-30T03:00:00.000Z', {
      trackingNumber: value('uploaded tracking number'),
      carrier: value('uploaded carrier'),
    }),
    event(order, 'status-changed', '2026-11-01T03:00:00.000Z', {
      statusText: value('page status'),
    }),
    event(order, 'dispute-updated', '2026-11-09T03:00:00.000Z', {
      disputeStatus: value('page dispute status'),
    }),
    event(order, 'refund-requested', '2026-11-09T23:30:00.000Z', { note: value('step note') }),
  ];
  const capture = { caseId: openCase.id, orderId: order.id, shows: ['tracking-page'] };
  const evidence: EvidenceRecord[] = [
    fileEvidence(
      scenario,
      {
        id: 'ev-image',
        kind: 'screenshot',
        shows: ['tracking-page'],
        name: value('image name'),
        mimeType: 'image/png',
        capturedAt: '2026-11-12T08:15:00.000Z',
        url: address(value, 'image page').script,
        title: value('image page title'),
      },
      pngBytes(1),
    ),
    {
      ...capture,
      id: 'ev-text',
      kind: 'text',
      name: value('text name'),
      capturedAt: '2026-11-14T16:00:00.000Z',
      url: address(value, 'text page').web,
      title: value('text page title'),
      text: value('captured text'),
    },
    {
      ...capture,
      id: 'ev-note',
      kind: 'note',
      name: value('note name'),
      capturedAt: '2026-11-15T16:00:00.000Z',
      text: value('note text'),
    },
    {
      ...capture,
      id: 'ev-gone',
      kind: 'photo',
      name: value('missing file name'),
      mimeType: 'image/png',
      capturedAt: '2026-11-16T16:00:00.000Z',
      url: address(value, 'missing page').web,
      sha256: 'ab'.repeat(32),
    },
  ];
  scenario.evidence = evidence;
  return scenario;
}

/** The plan of the harmless twin: what is planned is not what is tested here. */
const benignPlan = () => packInput(scenarioWith(benign), 'en').plan;

function packInputWith(value: Value): PackInputWithFiles {
  const input = packInput(scenarioWith(value), 'en');
  // Rule sources come from CaseClock's policies; they are made hostile here all the same.
  const plan = benignPlan();
  const deadlines = plan.deadlines.map((deadline, index) => ({
    ...deadline,
    source: {
      ...deadline.source,
      genre: {
        en: value(`source genre ${String(index)}`),
        fr: value(`source genre ${String(index)}`),
      },
      title: value(`source title ${String(index)}`),
      quote: value(`source quote ${String(index)}`),
      url:
        index % 2 === 0
          ? address(value, `source ${String(index)}`).script
          : address(value, `source ${String(index)}`).web,
    },
  }));
  return { ...input, plan: { ...plan, deadlines } };
}

async function openPage(input: PackInputWithFiles) {
  const files = unzipSync(await packBytes(input));
  const text = (path: string) => strFromU8(files[path] ?? new Uint8Array());
  const page = new DOMParser().parseFromString(text('index.html'), 'text/html');
  return { files, page, message: text('message-en.txt') };
}

/** Every element with its attributes' names: what markup the page is made of. */
function skeleton(page: Document): string[] {
  return [...page.querySelectorAll('*')].map((element) =>
    [element.tagName, ...[...element.attributes].map((attribute) => attribute.name)].join(' '),
  );
}

/** The values the page should show, whole, as text. */
function shownValues(input: PackInputWithFiles): string[] {
  const { order, events, evidence, plan } = input;
  return [
    order.orderNumber,
    order.statusText,
    order.seller?.name,
    ...order.items.map((item) => item.title),
    order.trackingNumber,
    order.carrier,
    order.dispute?.caseNumber,
    order.detailUrl,
    ...events.flatMap(({ details }) => [
      details?.trackingNumber,
      details?.carrier,
      details?.statusText,
      details?.disputeStatus,
      details?.note,
    ]),
    ...evidence.flatMap((record) => [record.name, record.title, record.url, record.text]),
    // A source's address is its title's link, not a text of its own.
    ...plan.deadlines.flatMap(({ source }) => [
      source.genre[input.language],
      source.title,
      source.quote,
    ]),
  ].filter((value): value is string => typeof value === 'string');
}

describe('index.html with hostile values everywhere', () => {
  // Built afresh in each test, so each test's reach counts for mutation testing.
  let input: PackInputWithFiles;
  let opened: ReturnType<typeof openPage>;
  beforeEach(() => {
    input = packInputWith(hostile);
    opened = openPage(input);
  });

  it('puts every value on the page', () => {
    const values = shownValues(input);
    expect(values.length).toBeGreaterThan(30);
    for (const value of values) expect(value).toContain(HOSTILE);
  });

  it('is made of the same elements and attributes as with harmless values', async () => {
    const { page } = await opened;
    const twin = (await openPage(packInputWith(benign))).page;
    expect(skeleton(page)).toEqual(skeleton(twin));
  });

  it('holds no script, no handler, no frame, no comment and no javascript: link', async () => {
    const { page } = await opened;
    expect(page.querySelectorAll('script, iframe, svg, object, embed, body style')).toHaveLength(0);
    for (const element of page.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name, element.tagName).not.toMatch(/^on/i);
      }
    }
    const hrefs = [...page.querySelectorAll('[href], [src]')].map(
      (element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '',
    );
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href).toMatch(/^(?:https:\/\/example\.com\/|https:\/\/m\.dhgate\.com\/|evidence\/)/);
    }
    const comments = page.createTreeWalker(page, 128 /* NodeFilter.SHOW_COMMENT */);
    expect(comments.nextNode()).toBeNull();
  });

  it('shows each value verbatim as text', async () => {
    const { page } = await opened;
    const words = page.body.textContent;
    for (const value of shownValues(input)) expect(words).toContain(value);
  });

  it('links each web address as written', async () => {
    const { page } = await opened;
    const links = [...page.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    const web = [
      ...input.evidence.map((record) => record.url),
      ...input.plan.deadlines.map((deadline) => deadline.source.url),
    ].filter((url) => url?.startsWith('https://'));
    expect(web.length).toBeGreaterThan(2);
    for (const url of web) expect(links).toContain(url);
  });

  it('shows the message whole, as message-en.txt holds it', async () => {
    const { page, message } = await opened;
    expect(message).toContain(hostile('order number'));
    expect(page.querySelector('pre:last-of-type')?.textContent).toBe(message);
  });
});
