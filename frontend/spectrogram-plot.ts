import { LitElement, html, css, PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

// matplotlib's "inferno" (perceptually uniform): quiet = dark, loud = bright
const INFERNO = [[0, 0, 4], [40, 11, 84], [101, 21, 110], [159, 42, 99], [212, 72, 66], [245, 125, 21],
  [250, 193, 39], [252, 255, 164]];

function inferno(t: number): number[] {
  const x = Math.max(0, Math.min(1, t)) * (INFERNO.length - 1);
  const i = Math.min(INFERNO.length - 2, Math.floor(x));
  const f = x - i;
  return [0, 1, 2].map(c => Math.round(INFERNO[i][c] * (1 - f) + INFERNO[i + 1][c] * f));
}

/**
 * A time-frequency picture as the lecture draws a spectrogram: time on x (seconds), frequency on y (Hz, low at the
 * bottom), colour = value, with a colour bar. Values arrive as one byte each (base64), row 0 = the lowest band.
 */
@customElement('spectrogram-plot')
export class SpectrogramPlot extends LitElement {
  static styles = css`
    :host { display: inline-block; line-height: 0; }
    canvas { max-width: 100%; }
  `;

  @property({ type: String }) data = '';
  @property({ type: Number }) frames = 0;
  @property({ type: Number }) bands = 0;
  /** Seconds between frames (x axis). */
  @property({ type: Number }) hop = 0.01;
  /** Hz at the centre of each band, comma-separated (y axis). */
  @property({ type: String }) frequencies = '';
  @property({ type: Number, attribute: 'value-min' }) valueMin = 0;
  @property({ type: Number, attribute: 'value-max' }) valueMax = 1;
  @property({ type: String }) unit = 'dB';
  @property({ type: String, attribute: 'y-label' }) yLabel = 'frequency (Hz)';
  @property({ type: Number, attribute: 'plot-width' }) plotWidth = 400;
  @property({ type: Number, attribute: 'plot-height' }) plotHeight = 200;
  /** A frame to mark with a vertical line (-1: none). */
  @property({ type: Number }) marker = -1;
  @query('canvas') private canvas!: HTMLCanvasElement;

  render() {
    return html`<canvas part="canvas" @click=${this.onClick}></canvas>`;
  }

  protected updated(_: PropertyValues) { this.paint(); }

  private static readonly LEFT = 56; private static readonly BOTTOM = 34; private static readonly TOP = 8;
  private static readonly BAR = 64;

  private paint() {
    const L = SpectrogramPlot.LEFT, B = SpectrogramPlot.BOTTOM, T = SpectrogramPlot.TOP, BAR = SpectrogramPlot.BAR;
    const w = this.plotWidth, h = this.plotHeight;
    const c = this.canvas;
    c.width = L + w + BAR;
    c.height = T + h + B;
    const ctx = c.getContext('2d')!;
    ctx.clearRect(0, 0, c.width, c.height);
    const ink = getComputedStyle(this).color || '#333';
    ctx.fillStyle = ink; ctx.strokeStyle = ink; ctx.font = '11px system-ui, sans-serif';
    if (!this.data || !this.frames || !this.bands) return;
    const bytes = Uint8Array.from(atob(this.data), ch => ch.charCodeAt(0));
    const img = ctx.createImageData(this.frames, this.bands);
    for (let b = 0; b < this.bands; b++) {
      for (let t = 0; t < this.frames; t++) {
        const v = bytes[b * this.frames + t] ?? 0;
        const [r, g, bl] = inferno(v / 255);
        const p = ((this.bands - 1 - b) * this.frames + t) * 4;   // low bands at the bottom
        img.data[p] = r; img.data[p + 1] = g; img.data[p + 2] = bl; img.data[p + 3] = 255;
      }
    }
    const tile = document.createElement('canvas');
    tile.width = this.frames; tile.height = this.bands;
    tile.getContext('2d')!.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(tile, L, T, w, h);
    if (this.marker >= 0 && this.marker < this.frames) {
      const x = L + (this.marker + 0.5) * w / this.frames;
      ctx.strokeStyle = '#1676f3'; ctx.lineWidth = 2;
      ctx.beginPath(); ctx.moveTo(x, T); ctx.lineTo(x, T + h); ctx.stroke();
      ctx.strokeStyle = ink; ctx.lineWidth = 1;
    }
    // time axis
    const seconds = this.frames * this.hop;
    const step = seconds > 2 ? 0.5 : seconds > 0.8 ? 0.2 : 0.1;
    ctx.textAlign = 'center'; ctx.textBaseline = 'top';
    for (let s = 0; s <= seconds + 1e-9; s += step) {
      const x = L + s / seconds * w;
      ctx.fillRect(x, T + h, 1, 4);
      ctx.fillText(s.toFixed(1), x, T + h + 6);
    }
    ctx.fillText('time (s)', L + w / 2, T + h + 20);
    // frequency axis: about 6 ticks at band centres
    const hz = this.frequencies ? this.frequencies.split(',').map(Number) : [];
    ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
    const every = Math.max(1, Math.round(this.bands / 6));
    for (let b = 0; b < hz.length; b += every) {
      const y = T + h - (b + 0.5) * h / this.bands;
      ctx.fillRect(L - 4, y, 4, 1);
      ctx.fillText(hz[b] >= 1000 ? (hz[b] / 1000).toFixed(1) + 'k' : Math.round(hz[b]).toString(), L - 6, y);
    }
    ctx.save();
    ctx.translate(12, T + h / 2); ctx.rotate(-Math.PI / 2); ctx.textAlign = 'center';
    ctx.fillText(this.yLabel, 0, 0);
    ctx.restore();
    // colour bar
    const bx = L + w + 14, bw = 12;
    for (let y = 0; y < h; y++) {
      const [r, g, bl] = inferno(1 - y / h);
      ctx.fillStyle = `rgb(${r},${g},${bl})`;
      ctx.fillRect(bx, T + y, bw, 1);
    }
    ctx.fillStyle = ink; ctx.textAlign = 'left';
    ctx.fillText(`${this.valueMax.toFixed(0)} ${this.unit}`, bx + bw + 3, T + 4);
    ctx.fillText(`${this.valueMin.toFixed(0)}`, bx + bw + 3, T + h - 4);
  }

  private onClick(e: MouseEvent) {
    const r = this.canvas.getBoundingClientRect();
    const x = (e.clientX - r.left) * (this.canvas.width / r.width) - SpectrogramPlot.LEFT;
    const frame = Math.floor(x / this.plotWidth * this.frames);
    if (frame >= 0 && frame < this.frames) this.dispatchEvent(new CustomEvent('frame-click', { detail: { frame } }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'spectrogram-plot': SpectrogramPlot; }
}
