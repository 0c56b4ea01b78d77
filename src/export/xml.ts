// Escaping for the streaming GraphML and GEXF writers. XML 1.0 cannot carry some characters at all,
// not even as references (most C0 controls, unpaired surrogates, U+FFFE and U+FFFF): they become
// U+FFFD. Markup characters become entities; in attribute values tab, newline and carriage return
// become character references too, because a parser turns them into spaces otherwise (attribute
// value normalization), and a carriage return in text does as well (end-of-line handling); so do
// NEL (U+0085) and LINE SEPARATOR (U+2028), which XML 1.1 parsers treat as line ends, and PARAGRAPH
// SEPARATOR (U+2029), which xmldom does too.

const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const TEXT_SPECIAL = /[&<>\r\u0085\u2028\u2029]/g;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r\u0085\u2028\u2029]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\u0085': '&#133;',
  '\u2028': '&#8232;',
  '\u2029': '&#8233;',
};
const entity = (c: string) => ENTITIES[c] as string;

/** The text with every character XML 1.0 cannot carry replaced by U+FFFD. */
export function xmlChars(s: string): string {
  return s.replace(NOT_XML, '\uFFFD');
}

/** A string as element content. */
export function escapeText(s: string): string {
  return xmlChars(s).replace(TEXT_SPECIAL, entity);
}

/** A string as a double-quoted attribute value. */
export function escapeAttribute(s: string): string {
  return xmlChars(s).replace(ATTRIBUTE_SPECIAL, entity);
}

/** ` name="value"` for each attribute whose value is not null. */
export function attributes(pairs: Record<string, string | number | null | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(pairs)) {
    if (value === null || value === undefined) continue;
    out += ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return out;
}
