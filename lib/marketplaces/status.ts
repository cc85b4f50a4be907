import type { OrderStatus } from './types';

/** Status words in the order they must be tried: "Refund completed" is refunded, not disputed. */
export type StatusTable = readonly (readonly [RegExp, OrderStatus])[];

export function normaliseStatus(text: string, table: StatusTable): OrderStatus | undefined {
  return table.find(([pattern]) => pattern.test(text))?.[1];
}
