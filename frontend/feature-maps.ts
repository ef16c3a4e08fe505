import { LitElement, html, css, PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

type Palette = 'inferno' | 'gray' | 'diverging';

// A few stops of matplotlib's "inferno" (perceptually uniform; dark = silent, bright = firing).
const INFERNO = [[0, 0, 4], [40, 11, 84], [101, 21, 110], [159, 42, 99], [212, 72, 66], [245, 125, 21],
  [250, 193, 39], [252, 255, 164]];

function lerpStops(stops: number[][], t: number): number[] {
  const x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  return [0, 1, 2].map(c => Math.round(stops[i][c] * (1 - f) + stops[i + 1][c] * f));
}

function colour(palette: Palette, v: number): number[] {
  const t = v / 255;
  if (palette === 'gray') return [v, v, v];
  if (palette === 'diverging') {   // 128 = 0: blue for negative, white, red for positive weights
    return t < 0.5 ? lerpStops([[33, 102, 172], [247, 247, 247]], t * 2) : lerpStops([[247, 247, 247], [178, 24, 43]], t * 2 - 1);
  }
  return lerpStops(INFERNO, t);
}

/** The server's bytes: base64 of zlib-deflated data (FeatureMapGrid.deflate). */
async function inflate(base64: string): Promise<Uint8Array> {
  const packed = Uint8Array.from(atob(base64), ch => ch.charCodeAt(0));
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * A grid of small pictures (feature maps, filters, an input image) drawn from quantised bytes sent by the server
 * (deflated, base64; one byte per value, maps one after another, each row-major). Hovering shows a map's label,
 * clicking one fires 'map-click' with its index.
 */
@customElement('feature-maps')
export class FeatureMaps extends LitElement {
  static styles = css`
    :host { display: inline-block; line-height: 0; max-width: 100%; }
    /* on a narrow screen the grid shrinks to fit; clicks map back through the canvas's drawn size */
    canvas { image-rendering: pixelated; cursor: pointer; max-width: 100%; height: auto; }
    :host([inert-maps]) canvas { cursor: default; }
  `;

  @property({ type: String }) data = '';
  @property({ type: Number }) maps = 0;
  @property({ type: Number, attribute: 'map-width' }) mapWidth = 1;
  @property({ type: Number, attribute: 'map-height' }) mapHeight = 1;
  @property({ type: Number }) columns = 8;
  /** Screen pixels per map pixel. */
  @property({ type: Number }) cell = 3;
  @property({ type: Number }) gap = 3;
  @property({ type: String }) palette: Palette = 'inferno';
  /** One tooltip per map, separated by line breaks. */
  @property({ type: String }) labels = '';
  /** Or labels made from a template ({i} the map's index, {v} its value) and one number per map, space-separated. */
  @property({ type: String }) labelTemplate = '';
  @property({ type: String }) labelValues = '';
  @property({ type: Number }) labelDecimals = 2;
  @property({ type: Number }) selected = -1;
  /** Optional short text drawn under each map, separated by line breaks (e.g. a value that changes live). */
  @property({ type: String }) captions = '';
  @query('canvas') private canvas!: HTMLCanvasElement;
  /** The decoded pictures; replaced only when a newer 'data' has been inflated, so a repaint never flickers. */
  private bytes = new Uint8Array(0);
  private decoding = 0;

  render() {
    return html`<canvas part="canvas" @click=${this.onMapClick} @mousemove=${this.onHover}></canvas>`;
  }

  protected updated(changed: PropertyValues) {
    if (changed.has('data')) this.decode(); else this.paint();
  }

  private async decode() {
    const ticket = ++this.decoding;
    let bytes: Uint8Array;
    try {
      bytes = this.data ? await inflate(this.data) : new Uint8Array(0);
    } catch (e) {
      console.warn('feature-maps: unreadable picture data', e);
      return;
    }
    if (ticket !== this.decoding) return;   // a newer picture arrived while this one was inflating
    this.bytes = bytes;
    this.paint();
  }

  private geometry() {
    const cols = Math.max(1, Math.min(this.columns, this.maps || 1));
    const rows = Math.max(1, Math.ceil(this.maps / cols));
    const cw = this.mapWidth * this.cell, ch = this.mapHeight * this.cell;
    const band = this.captions ? 14 : 0;   // room for one line of caption under each map
    const rowH = ch + band + this.gap;
    return { cols, rows, cw, ch, band, rowH, width: cols * (cw + this.gap) - this.gap + 4, height: rows * rowH - this.gap + 4 };
  }

  private paint() {
    const g = this.geometry();
    const c = this.canvas;
    if (c.width !== g.width) c.width = g.width;
    if (c.height !== g.height) c.height = g.height;
    const ctx = c.getContext('2d')!;
    ctx.clearRect(0, 0, c.width, c.height);
    const bytes = this.bytes;
    if (bytes.length === 0 || this.maps === 0) return;
    const area = this.mapWidth * this.mapHeight;
    const tile = document.createElement('canvas');
    tile.width = this.mapWidth;
    tile.height = this.mapHeight;
    const tctx = tile.getContext('2d')!;
    const img = tctx.createImageData(this.mapWidth, this.mapHeight);
    ctx.imageSmoothingEnabled = false;
    const captions = this.captions ? this.captions.split('\n') : [];
    for (let m = 0; m < this.maps; m++) {
      for (let p = 0; p < area; p++) {
        const [r, gr, b] = colour(this.palette, bytes[m * area + p] ?? 0);
        img.data[p * 4] = r; img.data[p * 4 + 1] = gr; img.data[p * 4 + 2] = b; img.data[p * 4 + 3] = 255;
      }
      tctx.putImageData(img, 0, 0);
      const x = 2 + (m % g.cols) * (g.cw + this.gap), y = 2 + Math.floor(m / g.cols) * g.rowH;
      ctx.drawImage(tile, x, y, g.cw, g.ch);
      if (g.band && captions[m]) {
        ctx.fillStyle = getComputedStyle(this).color || '#333';
        ctx.font = '10px system-ui, sans-serif';
        ctx.textBaseline = 'top';
        ctx.fillText(captions[m], x, y + g.ch + 2, g.cw);
      }
      if (m === this.selected) {
        ctx.strokeStyle = '#1676f3';
        ctx.lineWidth = 2;
        ctx.strokeRect(x - 1, y - 1, g.cw + 2, g.ch + 2);
      }
    }
  }

  private indexAt(e: MouseEvent): number {
    const g = this.geometry();
    const r = this.canvas.getBoundingClientRect();
    const x = (e.clientX - r.left) * (this.canvas.width / r.width) - 2;
    const y = (e.clientY - r.top) * (this.canvas.height / r.height) - 2;
    const col = Math.floor(x / (g.cw + this.gap)), row = Math.floor(y / g.rowH);
    if (col < 0 || col >= g.cols || row < 0) return -1;
    const i = row * g.cols + col;
    return i < this.maps ? i : -1;
  }

  private onHover(e: MouseEvent) {
    this.canvas.title = this.labelAt(this.indexAt(e));
  }

  private labelAt(i: number): string {
    if (i < 0) return '';
    if (this.labelTemplate) {
      const v = Number(this.labelValues ? this.labelValues.split(' ')[i] : NaN);
      return Number.isFinite(v) ? this.labelTemplate.replaceAll('{i}', String(i)).replaceAll('{v}', v.toFixed(this.labelDecimals)) : '';
    }
    const labels = this.labels ? this.labels.split('\n') : [];
    return labels[i] ?? '';
  }

  private onMapClick(e: MouseEvent) {
    const i = this.indexAt(e);
    if (i >= 0) this.dispatchEvent(new CustomEvent('map-click', { detail: { index: i } }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'feature-maps': FeatureMaps; }
}
