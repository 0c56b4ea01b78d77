// A type-ahead over the API's forgiving search (typos, transliterations, Cyrillic and Chinese
// names): the ARIA 1.2 combobox pattern, so arrow keys, Enter and Escape work and a screen reader
// hears each suggestion with its type.
import { gql } from './api.ts';
import { h } from './dom.ts';
import { entityLook } from './look.ts';
import { SEARCH, type SearchAnswer, type SearchHit } from './queries.ts';

let counter = 0;

export interface SearchBoxOptions {
  label: string;
  placeholder?: string;
  onPick(hit: SearchHit): void;
  /** Where a failed search is told (the API unreachable, say). */
  onError(err: unknown): void;
}

export class SearchBox {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private asked = 0;
  picked: SearchHit | undefined;

  constructor(private readonly options: SearchBoxOptions) {
    const n = ++counter;
    const listId = `search-list-${n}`;
    this.input = h('input', {
      id: `search-${n}`,
      type: 'search',
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
      placeholder: options.placeholder,
    });
    this.list = h('ul', { id: listId, role: 'listbox', class: 'suggestions', 'aria-label': options.label });
    this.list.hidden = true;
    this.element = h(
      'div',
      { class: 'search-box' },
      h('label', { for: this.input.id }, options.label),
      this.input,
      this.list,
    );
    this.input.addEventListener('input', () => {
      this.picked = undefined;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.suggest(), 180);
    });
    this.input.addEventListener('keydown', (e) => this.key(e));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  set(hit: { id: string; name: string; __typename: string } | undefined) {
    this.picked = hit ? { description: '', ...hit } : undefined;
    this.input.value = hit?.name ?? '';
  }

  private async suggest() {
    const text = this.input.value.trim();
    if (text.length < 2) return this.close();
    const asked = ++this.asked;
    try {
      const data = await gql<SearchAnswer>(SEARCH, { text: text.slice(0, 200) });
      if (asked !== this.asked) return;
      this.show(data.search.edges.map((e) => e.node));
    } catch (err) {
      if (asked === this.asked) this.options.onError(err);
    }
  }

  private show(hits: SearchHit[]) {
    this.hits = hits;
    this.active = -1;
    this.list.replaceChildren(
      ...(hits.length
        ? hits.map((hit, i) =>
            h(
              'li',
              {
                id: `${this.list.id}-${i}`,
                role: 'option',
                'aria-selected': 'false',
                'data-id': hit.id,
                onmousedown: (e: Event) => {
                  e.preventDefault();
                  this.pick(i);
                },
              },
              h('span', { class: 'hit-name' }, hit.name),
              h(
                'span',
                { class: 'hit-type', style: `--c:${entityLook(hit.__typename).color}` },
                ` ${hit.__typename}`,
              ),
            ),
          )
        : [h('li', { class: 'no-hits', role: 'option', 'aria-disabled': 'true' }, 'Nothing found')]),
    );
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  private move(to: number) {
    if (!this.hits.length) return;
    this.active = (to + this.hits.length) % this.hits.length;
    this.list.querySelectorAll('[role=option]').forEach((li, i) => {
      li.setAttribute('aria-selected', String(i === this.active));
    });
    this.input.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
  }

  private key(e: KeyboardEvent) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (this.list.hidden) void this.suggest();
      else this.move(this.active + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      this.move(this.active - 1);
    } else if (e.key === 'Enter') {
      if (!this.list.hidden && this.hits.length) {
        e.preventDefault();
        this.pick(Math.max(0, this.active));
      }
    } else if (e.key === 'Escape') this.close();
  }

  private pick(i: number) {
    const hit = this.hits[i];
    if (!hit) return;
    this.picked = hit;
    this.input.value = hit.name;
    this.close();
    this.options.onPick(hit);
  }
}
