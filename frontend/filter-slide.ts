import { LitElement, html, css, PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

/**
 * The lecture's picture of a speech filter: ONE time frame of the spectrogram as a column of bands (low at the
 * bottom), a 5-band filter sliding up along frequency, and the column of its outputs filling in as it goes.
 * Values arrive as comma-separated numbers; the animation runs in the browser.
 */
@customElement('filter-slide')
export class FilterSlide extends LitElement {
  static styles = css`
    :host { display: inline-block; line-height: 0; }
  `;

  /** The frame's band values in 0..1, low band first. */
  @property({ type: String }) column = '';
  /** The filter's weights, low band first. */
  @property({ type: String }) weights = '';
  /** The filter's output (after ReLU) at each position, low first. */
  @property({ type: String }) outputs = '';
  @property({ type: Number }) position = 0;
  @property({ type: Boolean }) playing = false;
  @query('canvas') private canvas!: HTMLCanvasElement;
  private timer?: number;

  render() {
    return html`<canvas part="canvas"></canvas>`;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stopTimer();
  }

  protected updated(changed: PropertyValues) {
    if (changed.has('column') || changed.has('playing')) {
      this.stopTimer();
      if (this.playing && this.column) {
        this.position = 0;
        this.timer = window.setInterval(() => {
          const n = this.nums(this.outputs).length;
          if (n === 0) return;
          this.position = (this.position + 1) % (n + 6);   // a short pause at the top before starting again
        }, 110);
      }
    }
    this.paint();
  }

  private stopTimer() {
    if (this.timer !== undefined) window.clearInterval(this.timer);
    this.timer = undefined;
  }

  private nums(s: string): number[] {
    return s ? s.split(',').map(Number) : [];
  }

  private paint() {
    const col = this.nums(this.column), w = this.nums(this.weights), out = this.nums(this.outputs);
    const cell = 7, top = 20, x0 = 40, gap = 90;
    const c = this.canvas;
    c.width = x0 + gap * 2 + 140;   // room for the "band k: value" label
    c.height = top + col.length * cell + 24;
    const ctx = c.getContext('2d')!;
    ctx.clearRect(0, 0, c.width, c.height);
    const ink = getComputedStyle(this).color || '#333';
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = ink;
    ctx.textAlign = 'center';
    ctx.fillText('frame', x0 + 10, 12);
    ctx.fillText('filter', x0 + gap + 10, 12);
    ctx.fillText('output', x0 + 2 * gap + 10, 12);
    if (col.length === 0) return;
    const yOf = (band: number) => top + (col.length - 1 - band) * cell;   // low bands at the bottom
    for (let b = 0; b < col.length; b++) {
      const g = Math.round(255 * (1 - col[b]));
      ctx.fillStyle = `rgb(${g},${g},${g})`;
      ctx.fillRect(x0, yOf(b), 20, cell - 1);
    }
    const n = out.length, p = Math.min(this.position, n - 1), active = this.position < n;
    const maxW = Math.max(1e-6, ...w.map(Math.abs)), maxOut = Math.max(1e-6, ...out);
    if (active) {
      // the window on the frame, and the filter beside it
      ctx.strokeStyle = '#1676f3'; ctx.lineWidth = 2;
      ctx.strokeRect(x0 - 2, yOf(p + w.length - 1) - 2, 24, w.length * cell + 3);
      for (let k = 0; k < w.length; k++) {
        const t = w[k] / maxW;
        ctx.fillStyle = t >= 0 ? `rgba(178,24,43,${Math.abs(t)})` : `rgba(33,102,172,${Math.abs(t)})`;
        ctx.fillRect(x0 + gap, yOf(p + k), 20, cell - 1);
      }
      ctx.strokeRect(x0 + gap - 2, yOf(p + w.length - 1) - 2, 24, w.length * cell + 3);
      ctx.beginPath();
      ctx.moveTo(x0 + 24, yOf(p + 2) + cell / 2); ctx.lineTo(x0 + gap - 4, yOf(p + 2) + cell / 2);
      ctx.moveTo(x0 + gap + 24, yOf(p + 2) + cell / 2); ctx.lineTo(x0 + 2 * gap - 4, yOf(p + 2) + cell / 2);
      ctx.stroke();
      ctx.lineWidth = 1;
    }
    // outputs computed so far, aligned with the centre band of each window
    const upTo = active ? p : n - 1;
    for (let i = 0; i <= upTo; i++) {
      const t = out[i] / maxOut;
      ctx.fillStyle = `rgba(245,125,21,${Math.max(0.05, t)})`;
      ctx.fillRect(x0 + 2 * gap, yOf(i + 2), 20, cell - 1);
    }
    ctx.fillStyle = ink; ctx.textAlign = 'left';
    ctx.fillText(active ? `band ${p + 2}: ${out[p].toFixed(2)}` : 'done', x0 + 2 * gap + 26, top + 8);
  }
}

declare global {
  interface HTMLElementTagNameMap { 'filter-slide': FilterSlide; }
}
