import { describe, expect, it } from 'vitest';
import { createI18n } from '@/components/I18n';
import { refusalText } from '@/components/refusal';

describe('a refused file', () => {
  it('names the size limit in the buyer’s own units', () => {
    const refusal = { ok: false, error: 'too large', code: 'too-large' } as const;
    expect(refusalText(createI18n('en-US', 'UTC'), refusal, 'unboxing.mp4')).toBe(
      'unboxing.mp4 is larger than 100 MB: it was not saved.',
    );
    expect(
      refusalText(createI18n('fr-FR', 'UTC'), refusal, 'deballage.mp4').replace(/\u202f/g, ' '),
    ).toBe('deballage.mp4 dépasse 100 Mo : non enregistré.');
  });
});
