import { PARIS } from '../zones';
import type { MarketplaceId } from '@/lib/marketplaces/types';
import { POLICIES } from '@/lib/policies';
import {
  DEFAULT_SETTINGS,
  planCase,
  type CasePlan,
  type CaseRecord,
  type CaseReason,
  type DeadlineKind,
  type EventDetails,
  type EventType,
  type OrderFacts,
  type Settings,
  type TimelineEvent,
} from '@/lib/timeline';

let nextId = 0;

export function event(type: EventType, at: string, details?: EventDetails): TimelineEvent {
  nextId += 1;
  return {
    id: `e${nextId}`,
    orderId: 'o',
    type,
    at,
    recordedAt: at,
    source: type === 'status-changed' || type === 'tracking-uploaded' ? 'page' : 'buyer',
    ...(details ? { details } : {}),
  };
}

export interface Scenario {
  marketplace?: MarketplaceId;
  order?: Partial<OrderFacts>;
  events?: TimelineEvent[];
  reason?: CaseReason;
  /** Changes to the case opened for `reason`. */
  caseRecord?: Partial<CaseRecord>;
  settings?: Partial<Settings>;
  now?: string;
  timeZone?: string;
}

export function plan(scenario: Scenario = {}): CasePlan {
  const marketplace = scenario.marketplace ?? 'dhgate';
  return planCase({
    order: { orderNumber: '1043587216', items: [], marketplace, ...scenario.order },
    ...(scenario.reason
      ? {
          case: {
            id: 'c',
            orderId: 'o',
            reason: scenario.reason,
            openedAt: '2026-01-01T00:00:00.000Z',
            ...scenario.caseRecord,
          },
        }
      : {}),
    events: scenario.events ?? [],
    policy: POLICIES[marketplace],
    settings: { ...DEFAULT_SETTINGS, ...scenario.settings },
    now: scenario.now ?? '2026-11-22T12:00:00.000Z',
    timeZone: scenario.timeZone ?? PARIS,
  });
}

export function due(result: CasePlan, kind: DeadlineKind): string | undefined {
  return result.deadlines.find((deadline) => deadline.kind === kind)?.dueAt;
}
