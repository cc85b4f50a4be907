/** Buyers' time zones the tests use: one with European, one with American DST dates. */
export const PARIS = 'Europe/Paris';
export const NEW_YORK = 'America/New_York';
