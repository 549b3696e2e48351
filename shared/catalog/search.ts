import type { LicenseType } from "./schema";

/**
 * The catalog's text search (`q` of `GET /catalog/license-types`). Thai is written without spaces
 * between words, so a Thai term matches as a substring of the type's Thai name or manual title,
 * both compared without spaces, punctuation or invisible characters ("ภาษี ป้าย", "ภาษีป้าย" and
 * "การรับชำระภาษี ป้าย" are one text). English terms match case-insensitively at the start of a
 * word of the English name ("food", "Sign" for "Signboard"). Every term of the query must match.
 */

/** Thai above and below marks (vowels, tone marks, others): typed in any order, the same text. */
const thaiMarks = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]{2,}/g;
/** What a search ignores: spaces, punctuation, controls and invisible format characters. */
const ignored = /[\s\p{P}\p{Cc}\p{Cf}]+/gu;
const thaiLetter = /[\u0E01-\u0E5B]/;
const word = /[\p{L}\p{N}]+/gu;

/**
 * The form a text is compared in: NFKC (so ำ typed as ํ + า, or a full-width letter, is the same
 * letter), lower case, runs of Thai marks in code-point order, and nothing `ignored`.
 */
export function searchKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(thaiMarks, (run) => [...run].sort().join(""))
    .replace(ignored, "");
}

export interface SearchQuery {
  /** Each term as typed (normalised), split on spaces; empty terms (punctuation only) dropped. */
  terms: { key: string; words: string[]; thai: boolean }[];
}

/** The query's terms; null when it holds nothing to search for (only spaces or punctuation). */
export function parseSearchQuery(q: string): SearchQuery | null {
  const terms = q
    .normalize("NFKC")
    .split(/[\s\u200B]+/u)
    .map((term) => ({
      key: searchKey(term),
      words: wordsOf(term),
      thai: thaiLetter.test(term),
    }))
    .filter((t) => t.key !== "");
  return terms.length > 0 ? { terms } : null;
}

/** The normalised query: the same query written with other spacing or case gives the same key. */
export function canonicalQuery(query: SearchQuery): string {
  return query.terms.map((t) => t.key).join(" ");
}

interface Haystack {
  thai: string;
  englishWords: string[];
}

const haystacks = new WeakMap<LicenseType, Haystack>();

function haystackOf(entry: LicenseType): Haystack {
  let haystack = haystacks.get(entry);
  if (!haystack) {
    haystack = {
      thai: `${searchKey(entry.nameTh)}\n${searchKey(entry.manual.title)}`,
      englishWords: wordsOf(entry.nameEn),
    };
    haystacks.set(entry, haystack);
  }
  return haystack;
}

export function matchesSearch(entry: LicenseType, query: SearchQuery): boolean {
  const haystack = haystackOf(entry);
  return query.terms.every(
    (term) =>
      haystack.thai.includes(term.key) ||
      (!term.thai &&
        term.words.length > 0 &&
        term.words.every((w) => haystack.englishWords.some((e) => e.startsWith(w)))),
  );
}

function wordsOf(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(word) ?? [];
}
