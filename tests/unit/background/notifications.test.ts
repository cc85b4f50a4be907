import { describe, expect, it, vi } from 'vitest';
import {
  NOTIFICATION_SUPPORT,
  reminderOptions,
  showNotification,
  type NotificationOptions,
} from '@/lib/background/notifications';

const CONTENT = { iconUrl: 'icon.png', title: 'DHgate order 1043587216', message: 'Escalate now.' };
const BUTTONS = ['Open the order page', 'Remind me tomorrow'] as const;

/** A `notifications.create` that refuses any option outside `accepted`, as browsers do. */
function browserTaking(accepted: readonly string[]) {
  const shown: [string, NotificationOptions][] = [];
  const create = vi.fn((id: string, options: NotificationOptions) => {
    const unknown = Object.keys(options).find((option) => !accepted.includes(option));
    if (unknown) return Promise.reject(new Error(`Unexpected property "${unknown}"`));
    shown.push([id, options]);
    return Promise.resolve(id);
  });
  return { create, shown };
}

describe('showing a notification', () => {
  it('is still shown, plainly, by a browser that refuses an option it was thought to take', async () => {
    const browser = browserTaking(['type', 'iconUrl', 'title', 'message', 'requireInteraction']);
    const options = reminderOptions(NOTIFICATION_SUPPORT.chrome, CONTENT, BUTTONS);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await showNotification(browser, 'reminder', options);
    expect(browser.shown).toEqual([['reminder', { type: 'basic', ...CONTENT }]]);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('fails as the browser did when even the plain one is refused', async () => {
    const browser = browserTaking([]);
    await expect(
      showNotification(browser, 'notice', { type: 'basic', ...CONTENT }),
    ).rejects.toThrow('Unexpected property "type"');
    expect(browser.create).toHaveBeenCalledOnce();
  });
});
