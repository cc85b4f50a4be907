import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `everyMs` so countdowns stay live while a page is open,
 * and taken anew whenever the page renders for a change: a step just recorded is never shown
 * after "now".
 */
export function useNow(everyMs = 30_000): Date {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => {
      setTick((tick) => tick + 1);
    }, everyMs);
    return () => {
      clearInterval(timer);
    };
  }, [everyMs]);
  return new Date();
}
