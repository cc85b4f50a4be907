import { describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '@/lib/db/schema';
import type { PackInput } from '@/lib/evidence/pack';
import { packPageHtml, type PackPageContent, type PackPageFile } from '@/lib/evidence/pack-page';
import type { RuleSource } from '@/lib/policies/types';
import type { Deadline } from '@/lib/timeline/types';
import { dhgateNotReceived, event, fewFacts, packInput } from './scenarios';

/** The page as a browser reads it. */
function render(content: PackPageContent): Document {
  return new DOMParser().parseFromString(packPageHtml(content), 'text/html');
}

function content(input: PackInput, more: Partial<PackPageContent> = {}): PackPageContent {
  return { input, files: [], missing: [], message: 'Hello', ...more };
}

/** The lines of an element as a reader sees them: its text, cut at each line break. */
function lines(element: Element | null | undefined): string[] {
  if (!element) throw new Error('no such element');
  const found: string[] = [];
  let line = '';
  for (const node of element.childNodes) {
    if (node.nodeName === 'BR') {
      found.push(line);
      line = '';
    } else line += node.textContent ?? '';
  }
  found.push(line);
  return found;
}

/** Each term of the page's definition lists, with its value. */
function definitions(page: Document): Map<string, Element> {
  const found = new Map<string, Element>();
  for (const term of page.querySelectorAll('dt')) {
    const value = term.nextElementSibling;
    if (value?.tagName === 'DD') found.set(term.textContent, value);
  }
  return found;
}

/** What comes right under a section heading: its table, or the sentence saying it is empty. */
function underHeading(page: Document, heading: string): Element {
  const title = [...page.querySelectorAll('h2')].find((h2) => h2.textContent === heading);
  const next = title?.nextElementSibling;
  if (!next) throw new Error(`no section ${heading}`);
  return next;
}

function headers(table: Element): string[] {
  return [...table.querySelectorAll('thead th')].map((th) => th.textContent);
}

function rows(table: Element): Element[][] {
  return [...table.querySelectorAll('tbody tr')].map((tr) => [
    ...tr.querySelectorAll(':scope > td'),
  ]);
}

function cell(table: Element, row: number, column: number): Element {
  const found = rows(table)[row]?.[column];
  if (!found) throw new Error(`no cell ${String(row)}, ${String(column)}`);
  return found;
}

const SOURCE: RuleSource = {
  genre: { en: 'Buyer’s guide', fr: 'Guide pour les acheteurs' },
  title: 'How to file a dispute',
  kind: 'third-party',
  checkedOn: '2026-11-30',
  url: 'https://guide.example.com/disputes',
  quote: 'The seller has five days to answer.',
  confidence: 'guide',
};

const PLAIN_SOURCE: RuleSource = {
  genre: { en: 'Help pages', fr: 'Pages d’aide' },
  kind: 'official',
  checkedOn: '2026-11-22',
  confidence: 'high',
};

describe('the order on the pack page', () => {
  it('lists the items one per line, with their quantity, skipping items without a title', () => {
    const scenario = dhgateNotReceived();
    scenario.order.items = [
      { title: 'Wireless earbuds', quantity: 2 },
      { title: '   ', quantity: 5 },
      { title: 'Charging case' },
      { title: '' },
    ];
    const items = definitions(render(content(packInput(scenario)))).get('Items');
    expect(lines(items)).toEqual(['Wireless earbuds × 2', 'Charging case']);
  });

  it('leaves out the items when no item has a title, but still gives the order number', () => {
    const scenario = fewFacts();
    const terms = definitions(render(content(packInput(scenario))));
    expect(terms.has('Items')).toBe(false);
    expect(terms.get('Order number')?.textContent).toBe('8210505692320516');

    scenario.order.items = [{ title: ' ' }];
    expect(definitions(render(content(packInput(scenario)))).has('Items')).toBe(false);
  });
});

describe('the case on the pack page', () => {
  it('gives the next step with the time it is due', () => {
    const input = packInput(dhgateNotReceived());
    input.plan = {
      ...input.plan,
      nextStep: {
        action: 'wait',
        message: 'next.await-parcel',
        dueAt: '2026-11-25T10:00:00.000Z',
        dueNow: false,
      },
    };
    const terms = definitions(render(content(input)));
    // 11:00 in Paris.
    expect(terms.get('Next step')?.textContent).toBe(
      'Wait for the parcel (25 November 2026 at 11:00)',
    );
  });

  it('lists each compensation that applies on its own line, and none when there is none', () => {
    const input = packInput(dhgateNotReceived());
    input.plan = {
      ...input.plan,
      compensation: [
        {
          kind: 'late-shipment',
          amount: { minor: 2000, currency: 'USD' },
          source: SOURCE,
          ruleId: 'late',
        },
        {
          kind: 'invalid-tracking',
          amount: { minor: 500, currency: 'USD' },
          source: SOURCE,
          ruleId: 'tracking',
        },
      ],
    };
    const shown = definitions(render(content(input))).get('Compensation that applies');
    expect(lines(shown)).toEqual([
      'Discount for late shipment: US$20.00',
      'Discount for an invalid tracking number: US$5.00',
    ]);

    input.plan = { ...input.plan, compensation: [] };
    expect(definitions(render(content(input))).has('Compensation that applies')).toBe(false);
  });
});

describe('what happened, on the pack page', () => {
  it('says which events were read on the page and which the buyer recorded, and which time was corrected', () => {
    const scenario = dhgateNotReceived();
    const { order } = scenario;
    const corrected = {
      ...event(order, 'refund-requested', '2026-11-10T10:00:00.000Z'),
      originalAt: '2026-11-09T08:00:00.000Z',
    };
    const unchanged = {
      ...event(order, 'contacted-seller', '2026-11-12T10:00:00.000Z'),
      originalAt: '2026-11-12T10:00:00.000Z',
    };
    const input = packInput(scenario);
    input.events = [
      event(order, 'tracking-uploaded', '2026-10-30T03:00:00.000Z'),
      corrected,
      unchanged,
    ];
    const table = underHeading(render(content(input)), 'What happened');
    expect(headers(table)).toEqual(['When', 'Event', 'Source']);
    expect(lines(cell(table, 0, 2))).toEqual(['read on the order page']);
    // 9:00 in Paris: the time first recorded, before the buyer corrected it.
    expect(lines(cell(table, 1, 2))).toEqual([
      'recorded by the buyer',
      'time corrected by the buyer (first recorded 9 November 2026 at 09:00)',
    ]);
    expect(cell(table, 1, 1).textContent).toBe('I asked the seller for a refund');
    expect(lines(cell(table, 2, 2))).toEqual(['recorded by the buyer']);
  });
});

describe('the deadlines on the pack page', () => {
  const guideDeadline: Deadline = {
    kind: 'seller-response-due',
    dueAt: '2026-11-15T09:00:00.000Z',
    edge: 'closes',
    after: { value: 5, unit: 'calendar-days', from: '2026-11-10T09:00:00.000Z' },
    source: SOURCE,
    passed: true,
  };
  const overridden: Deadline = {
    kind: 'refund-window-closes',
    dueAt: '2026-12-01T09:00:00.000Z',
    edge: 'closes',
    after: { value: 7, unit: 'calendar-days', from: '2026-11-24T09:00:00.000Z' },
    override: { from: 5, to: 7, unit: 'calendar-days' },
    source: PLAIN_SOURCE,
    passed: false,
  };
  const fromThePage: Deadline = {
    kind: 'refund-window-closes',
    dueAt: '2026-12-03T09:00:00.000Z',
    edge: 'closes',
    source: PLAIN_SOURCE,
    passed: false,
  };

  function deadlinesTable(deadlines: Deadline[]): Element {
    const input = packInput(dhgateNotReceived());
    input.plan = { ...input.plan, deadlines };
    return underHeading(render(content(input)), 'Deadlines');
  }

  it('gives each deadline, when it is due and whether it passed, greying the passed ones', () => {
    const table = deadlinesTable([guideDeadline, overridden]);
    expect(headers(table)).toEqual(['Deadline', 'Due', 'Rule', 'Source']);
    expect(cell(table, 0, 0).textContent).toBe("Seller's time to answer ends");
    expect(cell(table, 0, 1).textContent).toBe('15 November 2026 at 10:00 (passed)');
    expect(cell(table, 1, 1).textContent).toBe('1 December 2026 at 10:00 (to come)');
    const trs = table.querySelectorAll('tbody tr');
    expect(trs[0]?.className).toBe('passed');
    expect(trs[1]?.hasAttribute('class')).toBe(false);
  });

  it('gives the rule a deadline was counted by, and the buyer’s own value when it replaced the rule', () => {
    const table = deadlinesTable([guideDeadline, overridden, fromThePage]);
    expect(lines(cell(table, 0, 2))).toEqual(['5 days after 10 November 2026 at 10:00']);
    expect(lines(cell(table, 1, 2))).toEqual([
      '7 days after 24 November 2026 at 10:00',
      'buyer’s own value: 7 days instead of 5 days',
    ]);
    // Read on the page, not counted by a rule: the cell is empty.
    expect(cell(table, 2, 2).textContent).toBe('');
  });

  it('names each source, links it when it is online, and quotes its words when there are some', () => {
    const table = deadlinesTable([guideDeadline, fromThePage]);
    const guide = cell(table, 0, 3);
    expect(guide.querySelector('a')?.getAttribute('href')).toBe(
      'https://guide.example.com/disputes',
    );
    expect(guide.querySelector('a')?.textContent).toBe('Buyer’s guide “How to file a dispute”');
    expect(guide.querySelector('blockquote')?.textContent).toBe(
      'The seller has five days to answer.',
    );
    const plain = cell(table, 1, 3);
    expect(plain.querySelector('a')).toBeNull();
    expect(plain.querySelector('blockquote')).toBeNull();
    expect(lines(plain)).toEqual([
      'Help pages',
      'from the site itself · last checked 22 November 2026 · confidence: high',
    ]);
  });

  it('says so when there is no deadline', () => {
    expect(deadlinesTable([]).outerHTML).toBe('<p>No deadlines.</p>');
  });
});

describe('the evidence on the pack page', () => {
  const base = { caseId: 'case-1', orderId: 'order-1' };
  const screenshot: EvidenceRecord = {
    ...base,
    id: 'ev-1',
    kind: 'screenshot',
    shows: ['tracking-page'],
    name: 'tracking.png',
    mimeType: 'image/png',
    capturedAt: '2026-11-12T08:15:00.000Z',
    url: 'https://track.example.com/?n=RI1',
    title: 'Tracking RI1',
    sha256: 'a'.repeat(64),
  };
  const video: EvidenceRecord = {
    ...base,
    id: 'ev-2',
    kind: 'video',
    shows: [],
    name: 'unboxing.mp4',
    mimeType: 'video/mp4',
    capturedAt: '2026-11-13T08:15:00.000Z',
    url: 'http://shop.example.com/item/1',
    sha256: 'b'.repeat(64),
  };
  const chat: EvidenceRecord = {
    ...base,
    id: 'ev-3',
    kind: 'text',
    shows: ['seller-chat'],
    name: 'Messages 14-11',
    capturedAt: '2026-11-14T16:00:00.000Z',
    url: 'javascript:alert(1)',
    text: 'Me: Where is my parcel?',
  };
  const note: EvidenceRecord = {
    ...base,
    id: 'ev-4',
    kind: 'note',
    shows: [],
    name: 'My note',
    capturedAt: '2026-11-14T17:00:00.000Z',
    text: 'Two cups broken.',
  };
  const readme: EvidenceRecord = {
    ...base,
    id: 'ev-5',
    kind: 'file',
    shows: [],
    name: 'readme.txt',
    mimeType: 'text/plain',
    capturedAt: '2026-11-14T18:00:00.000Z',
    url: 'not a web address',
  };

  function file(
    record: EvidenceRecord,
    path: string,
    shownAs: PackPageFile['shownAs'],
    matchesRecord?: boolean,
  ): PackPageFile {
    return {
      record,
      shownAs,
      entry: {
        path,
        name: record.name,
        kind: record.kind,
        mimeType: record.mimeType ?? 'text/plain; charset=utf-8',
        size: 10,
        sha256: path.length.toString(16).padStart(64, '0'),
        ...(matchesRecord === undefined ? {} : { matchesRecord }),
      },
    };
  }

  const files = [
    file(screenshot, 'evidence/01-tracking.png', 'image', true),
    file(video, 'evidence/02-unboxing.mp4', 'file', false),
    file(chat, 'evidence/03-Messages-14-11.txt', 'text'),
    file(note, 'evidence/04-My-note.txt', 'text'),
    file(readme, 'evidence/05-readme.txt', 'text'),
  ];
  const lost: EvidenceRecord = { ...screenshot, id: 'ev-6', name: 'lost.png' };
  const unrecorded: EvidenceRecord = { ...video, id: 'ev-7', name: 'gone.mp4' };
  delete unrecorded.sha256;

  const page = render(
    content(packInput(dhgateNotReceived()), { files, missing: [lost, unrecorded] }),
  );
  const table = underHeading(page, 'Evidence');

  it('has a column for the file, its kind, what it shows, when, where, and its SHA-256', () => {
    expect(headers(table)).toEqual(['File', 'Kind', 'Shows', 'Captured', 'Page', 'SHA-256']);
    expect(rows(table)).toHaveLength(7);
  });

  it('says whether each file is the one recorded at capture, and nothing when none was recorded', () => {
    expect(lines(cell(table, 0, 5))).toEqual([
      files[0]?.entry.sha256,
      'Same as the fingerprint recorded at capture',
    ]);
    expect(lines(cell(table, 1, 5))).toEqual([
      files[1]?.entry.sha256,
      'Differs from the fingerprint recorded at capture',
    ]);
    expect(cell(table, 1, 5).querySelector('.warning')?.textContent).toBe(
      'Differs from the fingerprint recorded at capture',
    );
    expect(cell(table, 0, 5).querySelector('.warning')).toBeNull();
    expect(lines(cell(table, 2, 5))).toEqual([files[2]?.entry.sha256]);
  });

  it('gives the page a piece was captured on, its title above its address', () => {
    expect(lines(cell(table, 0, 4))).toEqual(['Tracking RI1', 'https://track.example.com/?n=RI1']);
    expect(cell(table, 0, 4).querySelector('a')?.getAttribute('href')).toBe(
      'https://track.example.com/?n=RI1',
    );
    // An http address is linked too, alone on its line when the page had no title.
    expect(lines(cell(table, 1, 4))).toEqual(['http://shop.example.com/item/1']);
    expect(cell(table, 1, 4).querySelector('a')?.getAttribute('href')).toBe(
      'http://shop.example.com/item/1',
    );
    // Anything that is not a web address is shown, never linked.
    expect(lines(cell(table, 2, 4))).toEqual(['javascript:alert(1)']);
    expect(cell(table, 2, 4).querySelector('a')).toBeNull();
    expect(lines(cell(table, 4, 4))).toEqual(['not a web address']);
    expect(cell(table, 4, 4).querySelector('a')).toBeNull();
    expect(lines(cell(table, 3, 4))).toEqual(['']);
  });

  it('marks the files that are not available, with the fingerprint recorded when there is one', () => {
    expect(lines(cell(table, 5, 0))).toEqual(['lost.png', 'File not available']);
    expect(cell(table, 5, 5).textContent).toBe('a'.repeat(64));
    expect(lines(cell(table, 6, 0))).toEqual(['gone.mp4', 'File not available']);
    expect(cell(table, 6, 5).textContent).toBe('');
  });

  it('lists the missing files even when no file is in the pack', () => {
    const only = render(content(packInput(dhgateNotReceived()), { missing: [lost] }));
    const missingTable = underHeading(only, 'Evidence');
    expect(lines(cell(missingTable, 0, 0))).toEqual(['lost.png', 'File not available']);
    expect(cell(missingTable, 0, 1).textContent).toBe('Screenshot');
  });

  it('shows the images as thumbnails, each captioned with its name and what it shows', () => {
    const figures = [...page.querySelectorAll('figure')];
    expect(figures).toHaveLength(1);
    expect(figures[0]?.querySelector('img')?.getAttribute('alt')).toBe('tracking.png');
    expect(figures[0]?.querySelector('figcaption')?.textContent).toBe(
      'tracking.png · Tracking page showing no information',
    );
  });

  it('gives the texts and notes in full, each with its kind, date and page', () => {
    const section = [...page.querySelectorAll('h2')].find(
      (h2) => h2.textContent === 'Texts and notes',
    );
    expect(section).toBeDefined();
    expect([...page.querySelectorAll('h3')].map((h3) => h3.textContent)).toEqual([
      'Messages 14-11',
      'My note',
      'readme.txt',
    ]);
    const metas = [...page.querySelectorAll('h3 + p.meta')];
    expect(metas.map((meta) => meta.textContent)).toEqual([
      'Text from a page · 14 November 2026 at 17:00 · javascript:alert(1)',
      'Note · 14 November 2026 at 18:00',
      'File · 14 November 2026 at 19:00 · not a web address',
    ]);
    const texts = [...page.querySelectorAll('h3 + p.meta + pre')].map((pre) => pre.textContent);
    // A text file whose words were not recorded shows nothing rather than made-up words.
    expect(texts).toEqual(['Me: Where is my parcel?', 'Two cups broken.', '']);
  });

  it('links the page of a text when it is a web address', () => {
    const withLink = render(
      content(packInput(dhgateNotReceived()), {
        files: [
          file(
            { ...chat, url: 'https://dg.dhgate.com/messages/1' },
            'evidence/01-chat.txt',
            'text',
          ),
        ],
      }),
    );
    const meta = withLink.querySelector('h3 + p.meta');
    expect(meta?.querySelector('a')?.getAttribute('href')).toBe('https://dg.dhgate.com/messages/1');
    expect(meta?.textContent).toBe(
      'Text from a page · 14 November 2026 at 17:00 · https://dg.dhgate.com/messages/1',
    );
  });

  it('has no images or texts sections when there are none, and says when there is no evidence', () => {
    const bare = render(content(packInput(fewFacts())));
    const headings = [...bare.querySelectorAll('h2')].map((h2) => h2.textContent);
    expect(headings).not.toContain('Images');
    expect(headings).not.toContain('Texts and notes');
    expect(underHeading(bare, 'Evidence').outerHTML).toBe('<p>No evidence attached.</p>');

    const videoOnly = render(
      content(packInput(fewFacts()), { files: [file(video, 'evidence/01-unboxing.mp4', 'file')] }),
    );
    const videoHeadings = [...videoOnly.querySelectorAll('h2')].map((h2) => h2.textContent);
    expect(videoHeadings).not.toContain('Images');
    expect(videoHeadings).not.toContain('Texts and notes');
    expect(videoOnly.querySelectorAll('figure, h3, pre')).toHaveLength(1);
  });
});
