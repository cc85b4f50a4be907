/** What the end-to-end tests and the benchmark run inside a real browser page. */
export { timeFirstRead, timeHostilePage, timeReadPage } from './benchmark';
export { checkDamagedCopies } from './properties';
