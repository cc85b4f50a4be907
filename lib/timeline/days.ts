import { TZDate } from '@date-fns/tz';
import { addBusinessDays, addDays, addHours } from 'date-fns';
import type { RuleUnit } from '../policies/types';

/**
 * Sums already worked out. Zone arithmetic is the costliest part of planning, and the list
 * plans every order again each minute from the same instants; bounded, as orders come and go.
 */
const computed = new Map<string, string>();
const COMPUTED_LIMIT = 50_000;

/**
 * `instant` plus an amount of time counted in the buyer's time zone: calendar and business
 * days keep the wall-clock time across daylight-saving changes, business days skip Saturdays
 * and Sundays, hours are exact hours. Returns a UTC instant.
 */
export function addInZone(
  instant: string,
  amount: number,
  unit: RuleUnit,
  timeZone: string,
): string {
  const key = `${instant}|${String(amount)}|${unit}|${timeZone}`;
  const known = computed.get(key);
  if (known !== undefined) return known;
  // Stryker disable next-line all: the bound changes how much memory the cache holds, never a result
  if (computed.size >= COMPUTED_LIMIT) computed.clear();
  const sum = sumInZone(instant, amount, unit, timeZone);
  computed.set(key, sum);
  return sum;
}

function sumInZone(instant: string, amount: number, unit: RuleUnit, timeZone: string): string {
  const start = new TZDate(instant, timeZone);
  const end =
    unit === 'business-days'
      ? addBusinessDays(start, amount)
      : unit === 'hours'
        ? addHours(start, amount)
        : addDays(start, amount);
  return new Date(end.getTime()).toISOString();
}

/** `instant` less some hours: when to remind ahead of a window closing. */
export function hoursBefore(instant: string, hours: number): string {
  return new Date(new Date(instant).getTime() - hours * 3_600_000).toISOString();
}

export function isAfter(a: string, b: string): boolean {
  return new Date(a).getTime() > new Date(b).getTime();
}
