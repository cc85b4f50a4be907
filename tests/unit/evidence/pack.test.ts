import { beforeEach, describe, expect, it } from 'vitest';
import { draftMessage } from '@/lib/evidence/draft';
import { packFileName, type PackManifest } from '@/lib/evidence/pack';
import {
  allchinabuyDamaged,
  dhgateNotReceived,
  fewFacts,
  openPack,
  packBytes,
  packInput,
  pngBytes,
  type PackInputWithFiles,
  sha256,
  withEvidence,
  type OpenedPack,
} from './scenarios';

function entry(manifest: PackManifest, path: string) {
  const found = manifest.files.find((file) => file.path === path);
  if (!found) throw new Error(`${path} is not in the manifest`);
  return found;
}

/** Every file but the manifest is listed in it, with the SHA-256 and size of its bytes. */
function expectManifestMatches({ files, manifest }: OpenedPack) {
  const inZip = Object.keys(files)
    .filter((path) => path !== 'manifest.json')
    .sort();
  expect(manifest.files.map((file) => file.path).sort()).toEqual(inZip);
  for (const file of manifest.files) {
    const bytes = files[file.path];
    expect(bytes, file.path).toBeDefined();
    if (!bytes) continue;
    expect(file.sha256, file.path).toBe(sha256(bytes));
    expect(file.size, file.path).toBe(bytes.length);
  }
}

describe('the evidence pack of a damaged Allchinabuy order', () => {
  const scenario = allchinabuyDamaged();
  let opened: ReturnType<typeof openPack>;
  beforeEach(() => {
    opened = openPack(packInput(scenario, 'fr'));
  });

  it('lists every file but itself in the manifest, each with the SHA-256 of its bytes', async () => {
    const pack = await opened;
    expectManifestMatches(pack);
    expect(Object.keys(pack.files)).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'timeline.json',
        'message-en.txt',
        'message-fr.txt',
        'index.html',
      ]),
    );
    expect(pack.manifest.files.some((file) => file.path === 'manifest.json')).toBe(false);
  });

  it('holds every piece of evidence as a file, numbered in capture order, names made safe', async () => {
    const { manifest } = await opened;
    const evidence = manifest.files.filter((file) => file.path.startsWith('evidence/'));
    expect(evidence.map((file) => file.path)).toEqual([
      'evidence/01-unboxing.mp4',
      'evidence/02-photo.jpg',
      'evidence/03-photo.jpg',
      'evidence/04-evil-script.png',
      'evidence/05-Listing-text.txt',
      'evidence/06-My-note.txt',
    ]);
    for (const file of evidence) {
      expect(file.path).toMatch(/^evidence\/\d{2}-[\p{L}\p{N}_()-]+\.[a-z0-9]+$/u);
      expect(file.path).not.toContain('..');
    }
    expect(new Set(evidence.map((file) => file.path)).size).toBe(evidence.length);
    expect(entry(manifest, 'evidence/04-evil-script.png')).toMatchObject({
      name: '../../evil<script>.png',
      kind: 'screenshot',
      mimeType: 'image/png',
      capturedAt: '2026-11-18T15:12:00.000Z',
      shows: ['listing-screenshot'],
      url: 'javascript:alert(1)',
      title: '<script>alert("title")</script>',
    });
  });

  it('keeps the bytes of each file, and the words of text and notes in UTF-8', async () => {
    const { files, text } = await opened;
    expect(files['evidence/02-photo.jpg']).toEqual(scenario.files.get('ev-photo-1'));
    expect(text('evidence/05-Listing-text.txt')).toBe(
      'Brand new, <script>alert("text")</script> well packed',
    );
    expect(text('evidence/06-My-note.txt')).toBe(
      'Two cups broken; the box was crushed on one side.',
    );
  });

  it('checks each file against the fingerprint recorded at capture', async () => {
    const { manifest } = await opened;
    for (const file of manifest.files.filter((f) => f.path.startsWith('evidence/'))) {
      const record = scenario.evidence.find((r) => r.capturedAt === file.capturedAt);
      if (record?.sha256) {
        expect(file).toMatchObject({ recordedSha256: record.sha256, matchesRecord: true });
      } else {
        expect(file).not.toHaveProperty('recordedSha256');
        expect(file).not.toHaveProperty('matchesRecord');
      }
    }
  });

  it('puts the messages in both languages, as draftMessage writes them', async () => {
    const { text } = await opened;
    for (const language of ['en', 'fr'] as const) {
      const draft = draftMessage({ ...packInput(scenario), language });
      expect(text(`message-${language}.txt`)).toBe(`${draft.subject}\n\n${draft.body}\n`);
    }
    expect(text('message-fr.txt')).toMatch(/^Commande DO24110512345 sur Allchinabuy/);
    expect(text('message-en.txt')).toMatch(/^Order DO24110512345 on Allchinabuy/);
  });

  it('records the timeline with the plan’s deadlines and their sources', async () => {
    const timeline = JSON.parse((await opened).text('timeline.json')) as Record<string, unknown>;
    expect(timeline).toMatchObject({
      stage: 'awaiting-seller',
      nextStep: { action: 'open-dispute', message: 'next.open-dispute-if-seller-fails' },
      deadlines: [
        {
          kind: 'refund-window-closes',
          edge: 'closes',
          dueAt: '2026-11-25T15:00:00.000Z',
          passed: false,
          after: { value: 7, unit: 'calendar-days', from: '2026-11-18T15:00:00.000Z' },
          source: {
            genre: { en: 'Buyer’s guide', fr: 'Guide pour les acheteurs' },
            title: 'How to request a refund on Allchinabuy',
            kind: 'third-party',
            checkedOn: '2026-11-30',
            quote: 'usually within 7-14 days of receiving the item',
            confidence: 'guide',
          },
        },
      ],
      events: [
        { type: 'received', at: '2026-11-18T15:00:00.000Z', source: 'buyer' },
        { type: 'contacted-seller', at: '2026-11-19T09:00:00.000Z', source: 'buyer' },
      ],
    });
  });

  it('gives the order and the case in the manifest', async () => {
    const { manifest } = await opened;
    expect(manifest).toMatchObject({
      generatedAt: '2026-11-22T12:30:00.000Z',
      order: {
        marketplace: 'allchinabuy',
        orderNumber: 'DO24110512345',
        total: { minor: 4530, currency: 'USD' },
      },
      case: { reason: 'damaged', openedAt: '2026-11-18T16:00:00.000Z' },
    });
    expect(manifest).not.toHaveProperty('missing');
    expect(manifest.case).not.toHaveProperty('closedAt');
  });
});

describe('index.html', () => {
  const scenario = allchinabuyDamaged();
  let opened: ReturnType<typeof openPack>;
  beforeEach(() => {
    opened = openPack(packInput(scenario, 'fr'));
  });

  it('is a standalone French page that runs nothing and loads nothing from outside', async () => {
    const html = (await opened).text('index.html');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    expect(html).toContain('<meta charSet="utf-8"/>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|@import|url\(|src="(?:https?:)?\/\//i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('@media print');
    expect(html).toContain('Dossier de preuves : commande Allchinabuy DO24110512345');
  });

  it('escapes the text that comes from data', async () => {
    const html = (await opened).text('index.html');
    expect(html).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(html).toContain('Brand new, &lt;script&gt;alert(&quot;text&quot;)&lt;/script&gt;');
    expect(html).toContain('../../evil&lt;script&gt;.png');
    expect(html).toContain('Ceramic tea set &amp; teapot');
  });

  it('links only http(s) addresses and files of the pack', async () => {
    const { text, files } = await opened;
    const page = new DOMParser().parseFromString(text('index.html'), 'text/html');
    expect(page.querySelectorAll('script')).toHaveLength(0);
    const hrefs = [...page.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.length).toBeGreaterThan(6);
    for (const href of hrefs) {
      const inPack = decodeURIComponent(href) in files;
      expect(inPack || /^https?:\/\//.test(href), href).toBe(true);
    }
    expect(hrefs).toContain('https://item.taobao.com/item.htm?id=1');
    expect(hrefs.some((href) => href.startsWith('javascript'))).toBe(false);
    expect(page.body.textContent).toContain('javascript:alert(1)');
  });

  it('lists the items’ QC photos from the agent’s warehouse, each a link to the photo', async () => {
    const page = new DOMParser().parseFromString((await opened).text('index.html'), 'text/html');
    const row = [...page.querySelectorAll('dt')].find(
      (term) => term.textContent === 'Photos d’inspection (QC) de l’entrepôt de l’agent',
    )?.nextElementSibling;
    expect(
      [...(row?.querySelectorAll('a') ?? [])].map((link) => link.getAttribute('href')),
    ).toEqual([
      'https://img.allchinabuy.com/qc/2026/10/DI24110512301_1.jpg',
      'https://img.allchinabuy.com/qc/2026/10/DI24110512301_2.jpg',
    ]);
    expect(row?.textContent).toContain('Ceramic tea set : https://img.allchinabuy.com/qc/');
  });

  it('says when each item reached the agent’s warehouse, where its return window began', async () => {
    const page = new DOMParser().parseFromString((await opened).text('index.html'), 'text/html');
    const row = [...page.querySelectorAll('dt')].find(
      (term) => term.textContent === 'Arrivé à l’entrepôt de l’agent',
    )?.nextElementSibling;
    // 09:30 UTC is 10:30 in Paris in October's last days (UTC+1 from 25 October).
    expect(row?.textContent).toBe('Ceramic tea set : 28 octobre 2026 à 10:30');
  });

  it('shows the image evidence as thumbnails from the pack', async () => {
    const { text, files } = await opened;
    const page = new DOMParser().parseFromString(text('index.html'), 'text/html');
    const sources = [...page.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(sources).toEqual([
      'evidence/02-photo.jpg',
      'evidence/03-photo.jpg',
      'evidence/04-evil-script.png',
    ]);
    for (const source of sources) expect(files[source ?? '']).toBeDefined();
  });

  it('holds the order, the reason, the timeline, the deadlines, the evidence and the message', async () => {
    const { text, manifest } = await opened;
    const page = new DOMParser().parseFromString(text('index.html'), 'text/html');
    const words = page.body.textContent;
    expect(words).toContain('DO24110512345');
    expect(words).toContain('45,30');
    expect(words).toContain('Endommagée');
    expect(words).toContain('18 novembre 2026 à 16:00');
    expect(words).toContain('J’ai contacté le vendeur');
    expect(words).toContain('Dernier jour pour demander un remboursement');
    expect(words).toContain('Guide pour les acheteurs « How to request a refund on Allchinabuy »');
    expect(words).toContain(
      'source tierce, pas les conditions du site · dernière vérification le 30 novembre 2026 · fiabilité : énoncée dans le guide',
    );
    expect(words).toContain('usually within 7-14 days of receiving the item');
    expect(words).toContain('7 jours après le 18 novembre 2026');
    expect(words).toContain('Two cups broken; the box was crushed on one side.');
    for (const file of manifest.files.filter((f) => f.path.startsWith('evidence/'))) {
      expect(words).toContain(file.sha256);
      expect(words).toContain(file.name);
    }
    expect(page.querySelector('pre:last-of-type')?.textContent).toBe(text('message-fr.txt'));
  });

  it('is written in English when asked', async () => {
    const html = (await openPack(packInput(dhgateNotReceived(), 'en'))).text('index.html');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Evidence pack: DHgate order 1043587216');
    expect(html).toContain('Buyer’s guide “How to file a dispute on DHgate”');
    expect(html).toContain(
      'third party, not the site’s own terms · last checked 30 November 2026 · confidence: stated in the guide',
    );
    expect(html).toContain('Wait five days for a response.');
    expect(html).toContain(
      '<a href="https://www.dhgate.com/help/" rel="noreferrer">DHgate help pages on opening a dispute (copies)</a><br/>from the site itself · last checked 22 November 2026 · confidence: medium',
    );
  });
});

describe('integrity', () => {
  it('flags a file that no longer matches what was recorded at capture', async () => {
    const scenario = allchinabuyDamaged();
    const tampered = pngBytes(99);
    scenario.files.set('ev-photo-1', tampered);
    const pack = await openPack(packInput(scenario, 'en'));
    expectManifestMatches(pack);
    const original = scenario.evidence.find((record) => record.id === 'ev-photo-1');
    expect(entry(pack.manifest, 'evidence/02-photo.jpg')).toMatchObject({
      sha256: sha256(tampered),
      recordedSha256: original?.sha256,
      matchesRecord: false,
    });
    expect(entry(pack.manifest, 'evidence/03-photo.jpg')).toMatchObject({ matchesRecord: true });
    expect(pack.text('index.html')).toContain(
      '<span class="warning">Differs from the fingerprint recorded at capture</span>',
    );
  });

  it('gives the same bytes for the same input, whatever order it comes in', async () => {
    const first = await packBytes(packInput(allchinabuyDamaged(), 'fr'));
    const again = await packBytes(packInput(allchinabuyDamaged(), 'fr'));
    expect(again).toEqual(first);
    const scenario = allchinabuyDamaged();
    const shuffled: PackInputWithFiles = {
      ...packInput(scenario, 'fr'),
      evidence: [...scenario.evidence].reverse(),
      events: [...scenario.events].reverse(),
      evidenceFiles: new Map([...scenario.files].reverse()),
    };
    expect(await packBytes(shuffled)).toEqual(first);
  });

  it('changes when a file changes', async () => {
    const scenario = allchinabuyDamaged();
    const before = await packBytes(packInput(scenario));
    scenario.files.set('ev-video', new Uint8Array([1, 2, 3]));
    expect(await packBytes(packInput(scenario))).not.toEqual(before);
  });
});

describe('file names', () => {
  it.each([
    ['scan.jpeg', 'image/jpeg', 'evidence/01-scan.jpeg'],
    ['capture', 'image/webp', 'evidence/01-capture.webp'],
    ['invoice.exe', 'application/pdf', 'evidence/01-invoice.pdf'],
    ['Reçu été.PNG', undefined, 'evidence/01-Reçu-été.png'],
    ['archive', undefined, 'evidence/01-archive.bin'],
    ['C:\\Users\\me\\photo 1.png', 'image/png', 'evidence/01-C-Users-me-photo-1.png'],
    ['bad\u0000name\n\u202e.png', 'image/png', 'evidence/01-bad-name.png'],
    ['....', 'image/png', 'evidence/01-file.png'],
    ['/etc/passwd', undefined, 'evidence/01-etc-passwd.bin'],
    ['a'.repeat(200) + '.png', 'image/png', `evidence/01-${'a'.repeat(60)}.png`],
    ['𠀀'.repeat(70) + '.png', 'image/png', `evidence/01-${'𠀀'.repeat(60)}.png`],
  ])('%j (%s) is saved as %s', async (name, mimeType, path) => {
    const scenario = withEvidence(
      [{ name, ...(mimeType ? { mimeType } : {}) }],
      new Uint8Array([1, 2]),
    );
    const { manifest } = await openPack(packInput(scenario));
    expect(manifest.files[0]).toMatchObject({ path, name });
  });

  it('numbers pieces with the same name apart', async () => {
    const scenario = withEvidence(
      [{ name: 'same.png' }, { name: 'same.png' }, { name: 'same.png' }],
      pngBytes(7),
    );
    const { manifest } = await openPack(packInput(scenario));
    expect(manifest.files.slice(0, 3).map((file) => file.path)).toEqual([
      'evidence/01-same.png',
      'evidence/02-same.png',
      'evidence/03-same.png',
    ]);
  });

  it('lists a piece whose file is not available as missing, not as a file', async () => {
    const scenario = withEvidence([
      { name: 'gone.png', kind: 'photo', mimeType: 'image/png', sha256: 'ab'.repeat(32) },
      { name: 'kept note', kind: 'note', text: 'kept' },
    ]);
    const pack = await openPack(packInput(scenario));
    expectManifestMatches(pack);
    expect(pack.manifest.missing).toEqual([
      {
        name: 'gone.png',
        kind: 'photo',
        capturedAt: '2026-11-20T10:00:00.000Z',
        recordedSha256: 'ab'.repeat(32),
      },
    ]);
    expect(pack.manifest.files[0]?.path).toBe('evidence/01-kept-note.txt');
    expect(pack.text('index.html')).toContain('File not available');
    // The message lists only what is in the pack.
    expect(pack.text('message-en.txt')).toContain('kept note');
    expect(pack.text('message-en.txt')).not.toContain('gone.png');
  });

  it('names the pack after the marketplace, the order and the day', () => {
    expect(packFileName(dhgateNotReceived().order, '2026-11-22T12:30:00.000Z')).toBe(
      'caseclock-dhgate-1043587216-2026-11-22.zip',
    );
    const odd = { ...fewFacts().order, orderNumber: '../8210 5056' };
    expect(packFileName(odd, '2026-11-22T12:30:00.000Z')).toBe(
      'caseclock-aliexpress-8210-5056-2026-11-22.zip',
    );
  });
});

describe('a pack with few known facts', () => {
  it('holds the documents alone, and says there is no evidence', async () => {
    const pack = await openPack(packInput(fewFacts(), 'en'));
    expectManifestMatches(pack);
    expect(Object.keys(pack.files).sort()).toEqual([
      'index.html',
      'manifest.json',
      'message-en.txt',
      'message-fr.txt',
      'timeline.json',
    ]);
    const html = pack.text('index.html');
    expect(html).toContain('No evidence attached.');
    expect(html).toContain('No events recorded.');
    expect(html).not.toMatch(/undefined|NaN|Invalid Date|\{\w+\}/);
    expect(pack.manifest.order).toEqual({
      marketplace: 'aliexpress',
      marketplaceName: 'AliExpress',
      orderNumber: '8210505692320516',
      items: [],
    });
  });
});
