import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/marketplaces';
import { checkReading } from '../../browser/properties';
import { fixtureHtml, loadFixtures } from '../../fixtures/catalogue';
import { assertProperty, PROPERTY_TIMEOUT } from '../../property';

const fixtures = loadFixtures();

/** Every kind of order page each marketplace has, at the address it really lives at. */
const URLS = [...new Set(fixtures.map((fixture) => fixture.url))];

/** The texts and class names of the real pages: labels, numbers, dates and prices to mix. */
function pageWords() {
  const texts = new Set<string>();
  const classes = new Set<string>();
  for (const fixture of fixtures) {
    const doc = new DOMParser().parseFromString(fixtureHtml(fixture), 'text/html');
    const walker = doc.createTreeWalker(doc.body, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue?.trim();
      if (text) texts.add(text);
    }
    for (const element of doc.body.querySelectorAll('[class]')) {
      for (const name of element.classList) classes.add(name);
    }
  }
  return { texts: [...texts], classes: [...classes] };
}

const words = pageWords();
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...words.texts) },
  fc.string({ maxLength: 12 }),
  fc.constantFrom('：', ' : ', 'US $', '¥', '€', '\u00a0', '0', '99999999999999999999'),
);
const tag = fc.constantFrom('div', 'span', 'p', 'a', 'li', 'td', 'b', 'section', 'h3', 'label');
const attributes = fc
  .record(
    {
      class: fc.uniqueArray(fc.constantFrom(...words.classes), { maxLength: 3 }),
      href: fc.constantFrom(...URLS, 'https://example.net/', 'javascript:alert(1)', ''),
    },
    { requiredKeys: [] },
  )
  .map(({ class: names, href }) =>
    [
      names && names.length > 0 ? ` class="${names.join(' ')}"` : '',
      href === undefined ? '' : ` href="${escaped(href)}"`,
    ].join(''),
  );

/** Small pages of real labels and classes in random nesting, and now and then plain junk. */
const { html } = fc.letrec<{ html: string; node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map(escaped),
    fc
      .tuple(tag, attributes, fc.array(tie('node'), { maxLength: 3 }))
      .map(([name, attrs, children]) => `<${name}${attrs}>${children.join('')}</${name}>`),
  ),
  html: fc.oneof(
    {
      weight: 9,
      arbitrary: fc.array(tie('node'), { maxLength: 5 }).map((nodes) => nodes.join('')),
    },
    fc.string({ maxLength: 40 }),
  ),
}));

const SEED = 20_261_133;

describe('readPage on arbitrary pages', () => {
  it(
    'never throws, at every kind of marketplace page, and reads nothing it should not',
    () => {
      const parser = new DOMParser();
      assertProperty(
        fc.property(html, fc.constantFrom(...URLS), (body, url) => {
          const doc = parser.parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');
          expect(() => {
            checkReading(readPage(doc, url));
          }).not.toThrow();
        }),
        { name: 'readPage on arbitrary HTML', seed: SEED },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
