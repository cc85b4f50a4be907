/**
 * English text of what CaseClock shows inside a marketplace's page (the panel, the
 * confirm-receipt guard). The content script reads it from the extension's messages, where the
 * build writes it (build/page-messages.ts).
 */
export const pageEn = {
  'deadline.seller-response-due': "Seller's time to answer ends",
  'deadline.platform-contact-due': 'The platform should step in',
  'deadline.final-resolution-due': 'Final decision due',
  'deadline.dispute-window-opens': 'A dispute can be opened',
  'deadline.dispute-window-closes': 'Last day to open a dispute',
  'deadline.refund-window-closes': 'Last day to ask for a refund',
  'deadline.invalid-tracking-report-closes': 'Last day to report an invalid tracking number',
  'deadline.follow-up-due': 'Time to follow up with customer service',
  'deadline.seller-refund-due': 'The seller’s refund is due',
  'deadline.warehouse-return-closes': 'Last moment for a warehouse return',
  'deadline.free-storage-ends': 'Free warehouse storage ends',
  'deadline.paypal-dispute-closes': 'Last day to open a PayPal dispute',
  'deadline.paypal-escalation-closes': 'Last day to escalate to a PayPal claim',
  'guard.title': 'Confirming receipt ends your protection',
  'guard.title.weakens': 'Think twice before confirming receipt',
  'guard.reason.case-open': 'You have a dispute case open on this order.',
  'guard.reason.evidence-incomplete': 'Your evidence checklist is not complete yet.',
  'guard.reason.not-inspected': 'You have not marked the items as inspected.',
  'guard.reason.unchecked':
    'CaseClock could not check this order yet, so it cannot tell what confirming would cost.',
  'guard.loss.all-disputes': 'After confirming, no dispute can be opened for this order.',
  'guard.loss.deadline': '{deadline} would have been {when}.',
  'guard.keep': 'Keep my protection',
  'guard.inspected': 'I inspected the items',
  'guard.confirm': 'Confirm anyway',
  'countdown.days': 'in {days} {hours} h',
  'countdown.longDays': 'in {days}',
  'countdown.hours': 'in {hours} h {minutes} min',
  'countdown.minutes': 'in {minutes} min',
  'countdown.tomorrow': 'tomorrow at {time}',
  'countdown.passed': 'passed',
  'countdown.phrase': '{what} {when}',
  'case.stage': 'Stage',
  'evidence.tooLarge': '{name} is larger than {limit}: it was not saved.',
  'evidence.quota': 'Not enough storage space for {name}: it was not saved.',
  'error.refused': 'CaseClock could not do it: {error}',
  'error.quota': 'There is not enough storage space left: nothing was saved.',
  'error.storage': 'CaseClock cannot open its storage: {error}',
  'panel.label': 'CaseClock for this order',
  'panel.next': 'Next',
  'panel.deadline': 'Next deadline',
  'panel.open': 'Open the case',
  'panel.dismiss': 'Hide',
} as const;

export type PageMessageKey = keyof typeof pageEn;
