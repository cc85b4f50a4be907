import {
  NOTIFICATION_SUPPORT,
  reminderOptions,
  type NotificationOptions,
} from '../../../lib/background/notifications';

export type DescribedBrowser = keyof typeof NOTIFICATION_SUPPORT;

/**
 * A reminder as CaseClock builds it for `browser`, from that browser's row of the table of
 * what notifications take: each browser's tests show it the real one, with no fallback.
 */
export function reminderFor(browser: DescribedBrowser, iconUrl: string): NotificationOptions {
  return reminderOptions(
    NOTIFICATION_SUPPORT[browser],
    { iconUrl, title: 'DHgate order 1043587216', message: 'You can escalate now.' },
    ['Open the order page', 'Remind me tomorrow'],
  );
}
