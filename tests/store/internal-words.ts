/**
 * The project's own names for where a rule comes from ("seed 001", "document 001"): words a
 * buyer must never read, in the store's texts or in its pictures.
 */
export const INTERNAL_WORDS = /\bseeds?\b|\b(document|file) \d{3}\b/i;
