// The core marks search hits in a snippet with two private-use characters (see src/search.rs).
// Splitting on them gives plain text parts; the hit parts are shown inside <mark> as text
// nodes, so nothing in the snippet is ever read as markup.

export const HIT_START = '\uE000';
export const HIT_END = '\uE001';

export type SnippetPart = { text: string; hit: boolean };

/** "a \uE000MILA\uE001 b" → [{a , no}, {MILA, hit}, { b, no}]; stray markers are dropped. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  let text = '';
  const flush = () => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += text;
    else parts.push({ text, hit });
    text = '';
  };
  for (const ch of snippet) {
    if (ch === HIT_START || ch === HIT_END) {
      flush();
      hit = ch === HIT_START;
    } else {
      text += ch;
    }
  }
  flush();
  return parts;
}

/** The snippet without its markers (for labels and titles). */
export function plainSnippet(snippet: string): string {
  return snippet.replaceAll(HIT_START, '').replaceAll(HIT_END, '');
}
