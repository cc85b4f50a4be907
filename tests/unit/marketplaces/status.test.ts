/** Reading a status by its words when no known class marks it. */
import { describe, expect, it } from 'vitest';
import { statusPhrase, type StatusTable } from '@/lib/marketplaces/status';
import { indexedPage } from './pages';

const TABLE: StatusTable = [
  [/shipped/i, 'shipped'],
  [/completed/i, 'completed'],
];

function phraseOn(html: string): string | undefined {
  const { root, index } = indexedPage(html);
  return statusPhrase(index, root, TABLE);
}

describe('statusPhrase', () => {
  it('takes the first text that is a status by itself', () => {
    expect(phraseOn('<p>Thank you</p><p>Shipped</p><p>Completed</p>')).toBe('Shipped');
  });

  it.each([
    ['a number', '<p>2 items shipped</p><p>Completed</p>'],
    ['a colon', '<p>Shipped: see below</p><p>Completed</p>'],
    ['a link', '<p><a href="/track">Track what shipped</a></p><p>Completed</p>'],
    ['a button', '<button>Shipped?</button><p>Completed</p>'],
    [
      'more than 45 characters',
      `<p>Shipped ${'a'.repeat(38)}</p><p>Completed</p>`, // 46 characters
    ],
  ])('passes over a text with %s', (_case, html) => {
    expect(phraseOn(html)).toBe('Completed');
  });

  it('takes a status of exactly 45 characters', () => {
    const text = `Shipped ${'a'.repeat(37)}`;
    expect(text).toHaveLength(45);
    expect(phraseOn(`<p>${text}</p><p>Completed</p>`)).toBe(text);
  });
});
