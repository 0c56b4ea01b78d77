// Small DOM helpers: elements are built with text nodes, never from HTML strings, so nothing the
// API returns (names, quotes, document text) can inject markup.
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), value);
    // through the CSSOM: the page's CSP allows no style attributes
    else if (key === 'style') setStyle(el, String(value));
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** `--c:#fff; width:3px` set one property at a time (CSSOM, which the CSP allows). */
export function setStyle(el: HTMLElement, declarations: string) {
  for (const declaration of declarations.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0)
      el.style.setProperty(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
  }
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

/** A heading and its content, left out when there is no content. */
export function section(title: string, content: Child | Child[]): HTMLElement | null {
  const items = [content].flat().filter((c) => c !== null && c !== undefined && c !== false);
  if (!items.length) return null;
  return h('section', { class: 'panel-section' }, h('h3', {}, title), ...items);
}

export function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
