// Name folding for search: case, diacritics and punctuation are folded so that "Teng Hsiao-p'ing",
// "teng hsiaoping" and "TENG HSIAO PING" meet, and "N.S. Khrushchev" meets "Khrushchev".

/** Lowercase, strip diacritics (ё→е, é→e), keep letters and digits, single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Folded forms of a name: spaced, joined at in-word punctuation, and without initials. */
export function searchKeys(names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    const spaced = fold(name);
    if (!spaced) continue;
    keys.add(spaced);
    // "hsiao-p'ing" → "hsiaoping", "aldrich-moodie" → "aldrichmoodie"
    keys.add(fold(name.replace(/['’ʼ‘`\-‐.]+(?=\p{L})/gu, '')));
    // drop initials: "n s khrushchev" → "khrushchev"
    const withoutInitials = spaced
      .split(' ')
      .filter((t) => t.length > 1)
      .join(' ');
    if (withoutInitials) keys.add(withoutInitials);
  }
  return [...keys];
}
