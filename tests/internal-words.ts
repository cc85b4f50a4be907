/**
 * Our own words for our own documents, which tell a buyer nothing: "seed" in any form, and a
 * file number, zero-padded ("001", "(document 002)", "003_785674e6e1153e95"). A number that
 * follows a digit and a separator is part of an amount or a time ("10 000", "1,000",
 * "12:00:00.000"); one after "#" is a colour.
 */
export const INTERNAL_WORDS = /seed|(?<!#|\d[\s\u00a0\u202f.,:]?)\b0\d\d(?!\d)/i;
