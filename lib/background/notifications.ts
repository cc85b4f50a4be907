/** What `notifications.create` is given: the options every browser takes, and some only some do. */
export interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  buttons?: { title: string }[];
  requireInteraction?: boolean;
}

/** The part of `notifications` that shows one. */
export interface NotificationCreator {
  create(id: string, options: NotificationOptions): Promise<string>;
}

/**
 * What a browser's notifications accept beyond a title, a message and an icon. A browser
 * refuses the whole notification over one option it does not know, so each is asked only of
 * the browsers that take it.
 */
export interface NotificationSupport {
  /** Buttons under the message. */
  buttons: boolean;
  /** Staying on screen until the buyer acts on it. */
  requireInteraction: boolean;
}

/**
 * Firefox's schema for `notifications.create` marks `buttons` unsupported and has no
 * `requireInteraction`: it refuses both. Each row is exercised by the reminder tests that run
 * in that browser.
 */
export const NOTIFICATION_SUPPORT = {
  chrome: { buttons: true, requireInteraction: true },
  firefox: { buttons: false, requireInteraction: false },
} as const satisfies Record<string, NotificationSupport>;

/**
 * A reminder as the browser can show it. Where it can, it stays until the buyer acts and
 * offers to open the order page or to remind again tomorrow. In every browser a click on the
 * reminder itself opens the case, whose page offers both: "Open the order page", and atop it
 * the reminder with its own "Remind me tomorrow".
 */
export function reminderOptions(
  support: NotificationSupport,
  content: Pick<NotificationOptions, 'iconUrl' | 'title' | 'message'>,
  buttonTitles: readonly [openOrder: string, snooze: string],
): NotificationOptions {
  return {
    type: 'basic',
    ...content,
    ...(support.requireInteraction ? { requireInteraction: true } : {}),
    ...(support.buttons ? { buttons: buttonTitles.map((title) => ({ title })) } : {}),
  };
}

/**
 * Shows a notification. Should the browser refuse an option it was thought to take (a browser
 * nobody described), the title and message are shown without it rather than nothing at all.
 */
export async function showNotification(
  notifications: NotificationCreator,
  id: string,
  options: NotificationOptions,
): Promise<void> {
  try {
    await notifications.create(id, options);
  } catch (error) {
    const { buttons, requireInteraction, ...plain } = options;
    if (buttons === undefined && requireInteraction === undefined) throw error;
    console.warn('CaseClock shows a plain notification: the browser refused', error);
    await notifications.create(id, plain);
  }
}
