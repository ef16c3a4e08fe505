import { LitElement, html, css, PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

/**
 * A sentence as the network sees it: one row per word (padding included), one column per embedding dimension,
 * coloured blue (negative) / white (0) / red (positive) from bytes sent by the server (128 = 0). A filter's window
 * can be outlined: it always spans whole rows, `window-width` of them from row `window-start`.
 */
@customElement('sentence-matrix')
export class SentenceMatrix extends LitElement {
  static styles = css`:host { display: block; line-height: 0; } canvas { max-width: 100%; }`;

  @property({ type: String }) words = '';
  @property({ type: String }) data = '';
  @property({ type: Number }) columns = 1;
  @property({ type: Number, attribute: 'window-start' }) windowStart = -1;
  @property({ type: Number, attribute: 'window-width' }) windowWidth = 0;
  /** One filter width's responses: rows = window start positions, columns = filters (bytes, 0 = silent). */
  @property({ type: String }) responses = '';
  @property({ type: Number }) filters = 0;
  @property({ type: Number }) selected = -1;
  @query('canvas') private canvas!: HTMLCanvasElement;

  render() {
    return html`<canvas part="canvas"></canvas>`;
  }

  protected updated(_: PropertyValues) {
    const words = this.words ? this.words.split('\n') : [];
    const bytes = this.data ? Uint8Array.from(atob(this.data), ch => ch.charCodeAt(0)) : new Uint8Array(0);
    const label = 110, cellW = 3, cellH = 15, cols = Math.max(1, this.columns);
    const c = this.canvas;
    const resp = this.responses ? Uint8Array.from(atob(this.responses), ch => ch.charCodeAt(0)) : new Uint8Array(0);
    const gap = 24, stripX = label + cols * cellW + gap, stripW = 3;
    c.width = label + cols * cellW + 4 + (this.filters > 0 ? gap + this.filters * stripW : 0);
    c.height = Math.max(1, words.length) * cellH + 4;
    const ctx = c.getContext('2d')!;
    ctx.clearRect(0, 0, c.width, c.height);
    ctx.font = '12px sans-serif';
    ctx.textBaseline = 'middle';
    for (let r = 0; r < words.length; r++) {
      ctx.fillStyle = words[r] === '·' ? '#999' : '#222';
      ctx.fillText(words[r].length > 14 ? words[r].slice(0, 13) + '…' : words[r], 2, r * cellH + cellH / 2 + 2);
      for (let k = 0; k < cols; k++) {
        const v = bytes[r * cols + k] ?? 128, t = (v - 128) / 127;
        const w = 1 - Math.min(1, Math.abs(t));
        const rgb = t < 0 ? [33 + (247 - 33) * w, 102 + (247 - 102) * w, 172 + (247 - 172) * w]
                          : [178 + (247 - 178) * w, 24 + (247 - 24) * w, 43 + (247 - 43) * w];
        ctx.fillStyle = `rgb(${rgb.map(Math.round).join(',')})`;
        ctx.fillRect(label + k * cellW, r * cellH + 2, cellW, cellH - 1);
      }
    }
    if (this.filters > 0) {   // the responses strip: row p = the window that starts at word p
      const positions = Math.floor(resp.length / this.filters);
      for (let p = 0; p < positions; p++) {
        for (let k = 0; k < this.filters; k++) {
          const v = resp[p * this.filters + k] / 255;
          const g = Math.round(255 * (1 - v));
          ctx.fillStyle = `rgb(${Math.round(255 - 90 * v)},${g},${Math.round(255 * Math.pow(1 - v, 1.5))})`;
          ctx.fillRect(stripX + k * stripW, p * cellH + 2, stripW, cellH - 1);
        }
      }
      if (this.selected >= 0) {
        ctx.strokeStyle = '#1676f3';
        ctx.lineWidth = 1;
        ctx.strokeRect(stripX + this.selected * stripW - 0.5, 1.5, stripW + 1, positions * cellH + 1);
      }
    }
    if (this.windowStart >= 0 && this.windowWidth > 0) {
      ctx.strokeStyle = '#1676f3';
      ctx.lineWidth = 2;
      ctx.strokeRect(1, this.windowStart * cellH + 1, label + cols * cellW + 2, this.windowWidth * cellH + 1);
    }
  }
}
