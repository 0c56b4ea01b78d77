// The timeline strip: how many dated entities and relationships in view fall in each year, and two
// sliders that keep only the years between them in the drawing (undated ones always stay).
import { byId, h } from './dom.ts';

type Years = [number, number] | null;

export class Timeline {
  private readonly root = byId('timeline');
  private readonly since = byId<HTMLInputElement>('since');
  private readonly until = byId<HTMLInputElement>('until');
  private readonly bars = byId('timeline-bars');
  private readonly summary = byId<HTMLOutputElement>('timeline-summary');
  private min = 0;
  private max = 0;

  constructor(private readonly changed: (since: number | undefined, until: number | undefined) => void) {
    const input = (which: 'since' | 'until') => () => {
      let a = Number(this.since.value);
      let b = Number(this.until.value);
      if (a > b) {
        if (which === 'since') b = a;
        else a = b;
        this.since.value = String(a);
        this.until.value = String(b);
      }
      this.describe();
      this.changed(a > this.min ? a : undefined, b < this.max ? b : undefined);
    };
    this.since.addEventListener('input', input('since'));
    this.until.addEventListener('input', input('until'));
  }

  /** Shows the years of what is in view; keeps the chosen range where it still fits. */
  update(spans: Years[], since: number | undefined, until: number | undefined) {
    const dated = spans.filter((s): s is [number, number] => s !== null);
    const ends = dated.flat().filter((y) => Number.isFinite(y));
    if (!ends.length) {
      this.root.hidden = true;
      return;
    }
    this.root.hidden = false;
    this.min = Math.min(...ends);
    this.max = Math.max(...ends);
    for (const el of [this.since, this.until]) {
      el.min = String(this.min);
      el.max = String(this.max);
      el.step = '1';
    }
    this.since.value = String(Math.max(this.min, Math.min(since ?? this.min, this.max)));
    this.until.value = String(Math.min(this.max, Math.max(until ?? this.max, Number(this.since.value))));
    const counts = new Map<number, number>();
    for (const [a, b] of dated)
      for (let y = Math.max(a, this.min); y <= Math.min(b, this.max); y++)
        counts.set(y, (counts.get(y) ?? 0) + 1);
    const most = Math.max(1, ...counts.values());
    const bars = [];
    for (let y = this.min; y <= this.max; y++)
      bars.push(
        h('span', { class: 'bar', title: String(y), style: `--h:${((counts.get(y) ?? 0) / most) * 100}%` }),
      );
    this.bars.replaceChildren(...bars);
    this.describe(dated.length);
  }

  private describe(dated?: number) {
    if (dated !== undefined) this.root.dataset.dated = String(dated);
    const a = this.since.value;
    const b = this.until.value;
    this.since.setAttribute('aria-valuetext', a);
    this.until.setAttribute('aria-valuetext', b);
    this.summary.value = `Showing ${a === b ? a : `${a}–${b}`} (${this.root.dataset.dated ?? 0} dated items in view; undated ones always shown)`;
  }
}
