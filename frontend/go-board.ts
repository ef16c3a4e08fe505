import { LitElement, html, svg, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';

const SIZE = 19;
const COLUMNS = 'ABCDEFGHJKLMNOPQRST';   // Go skips I
const STARS = [3, 9, 15];

// matplotlib's "inferno" stops: the same colour scale as the feature maps elsewhere in the lab.
const INFERNO = [[0, 0, 4], [40, 11, 84], [101, 21, 110], [159, 42, 99], [212, 72, 66], [245, 125, 21],
  [250, 193, 39], [252, 255, 164]];

function inferno(t: number): string {
  const x = Math.max(0, Math.min(1, t)) * (INFERNO.length - 1);
  const i = Math.min(INFERNO.length - 2, Math.floor(x));
  const f = x - i;
  const c = [0, 1, 2].map(k => Math.round(INFERNO[i][k] * (1 - f) + INFERNO[i + 1][k] * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/**
 * A 19x19 Go board drawn as SVG from a 361-character string ('.' empty, 'b' black, 'w' white; row 0 is the top, "19").
 * Optionally a heat map over the points (base64, one byte per point, 0 = nothing), numbered marks (a network's top
 * moves, best first), the last move, and a ring on one point. When interactive, clicking an intersection fires
 * 'point-click' with its index (row * 19 + column) and hovering shows a ghost stone of the side to move.
 */
@customElement('go-board')
export class GoBoard extends LitElement {
  static styles = css`
    :host { display: inline-block; line-height: 0; user-select: none; max-width: 100%; }
    /* scales with the screen: clicks are mapped through the drawn size */
    svg { display: block; max-width: 100%; height: auto; }
    :host([interactive]) svg { cursor: pointer; }
    text { font-family: var(--lumo-font-family, sans-serif); }
  `;

  @property({ type: String }) stones = '.'.repeat(SIZE * SIZE);
  @property({ type: String }) heat = '';
  /** Comma-separated points, best first: drawn as 1, 2, 3... */
  @property({ type: String }) marks = '';
  @property({ type: Number }) last = -1;
  /** A point drawn with a ring (e.g. the move the professional actually played). */
  @property({ type: Number }) ring = -1;
  @property({ type: Boolean, reflect: true }) interactive = false;
  /** 'b' or 'w': the colour of the hover stone. */
  @property({ type: String, attribute: 'to-play' }) toPlay = 'b';
  /** Width and height in CSS pixels. */
  @property({ type: Number }) size = 480;
  @property({ type: Number }) private hover = -1;

  render() {
    // viewBox units: one per line spacing, a margin of 1.2 for the coordinates
    const m = 1.2, extent = SIZE - 1 + 2 * m;
    const heat = this.heatBytes();
    const marks = this.marks ? this.marks.split(',').map(Number) : [];
    const at = (p: number) => [m + (p % SIZE), m + Math.floor(p / SIZE)];
    return html`<svg part="board" width=${this.size} height=${this.size} viewBox="0 0 ${extent} ${extent}"
        @click=${this.onClick} @mousemove=${this.onMove} @mouseleave=${() => { this.hover = -1; }}>
      <defs>
        <radialGradient id="black" cx="0.35" cy="0.3" r="0.7"><stop offset="0" stop-color="#666"/><stop offset="1" stop-color="#111"/></radialGradient>
        <radialGradient id="white" cx="0.35" cy="0.3" r="0.7"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#c8c8c8"/></radialGradient>
      </defs>
      <rect x="0" y="0" width=${extent} height=${extent} fill="#dcb35c"/>
      ${heat ? this.heatCells(heat, at) : ''}
      ${Array.from({ length: SIZE }, (_, i) => svg`
        <line x1=${m} y1=${m + i} x2=${m + SIZE - 1} y2=${m + i} stroke="#3a2a10" stroke-width="0.05"/>
        <line x1=${m + i} y1=${m} x2=${m + i} y2=${m + SIZE - 1} stroke="#3a2a10" stroke-width="0.05"/>
        <text x=${m + i} y=${m - 0.65} font-size="0.5" text-anchor="middle" fill="#3a2a10">${COLUMNS[i]}</text>
        <text x=${m - 0.75} y=${m + i + 0.18} font-size="0.5" text-anchor="middle" fill="#3a2a10">${SIZE - i}</text>`)}
      ${STARS.flatMap(r => STARS.map(c => svg`<circle cx=${m + c} cy=${m + r} r="0.12" fill="#3a2a10"/>`))}
      ${Array.from(this.stones).map((s, p) => s === 'b' || s === 'w' ? this.stone(at(p), s, 1) : '')}
      ${this.interactive && this.hover >= 0 && this.stones[this.hover] === '.' ? this.stone(at(this.hover), this.toPlay, 0.45) : ''}
      ${this.last >= 0 ? svg`<circle cx=${at(this.last)[0]} cy=${at(this.last)[1]} r="0.2" fill="none"
          stroke=${this.stones[this.last] === 'b' ? '#fff' : '#000'} stroke-width="0.08"/>` : ''}
      ${this.ring >= 0 ? svg`<circle class="ring" cx=${at(this.ring)[0]} cy=${at(this.ring)[1]} r="0.52" fill="none"
          stroke="#1676f3" stroke-width="0.12"/>` : ''}
      ${marks.map((p, i) => svg`<text class="mark" x=${at(p)[0]} y=${at(p)[1] + 0.2} font-size="0.55" font-weight="bold"
          text-anchor="middle" fill=${i === 0 ? '#fff' : '#111'} stroke=${i === 0 ? '#000' : '#fff'} stroke-width="0.04"
          paint-order="stroke">${i + 1}</text>`)}
    </svg>`;
  }

  private heatBytes(): Uint8Array | null {
    if (!this.heat) return null;
    const bytes = Uint8Array.from(atob(this.heat), ch => ch.charCodeAt(0));
    return bytes.length === SIZE * SIZE ? bytes : null;
  }

  private heatCells(heat: Uint8Array, at: (p: number) => number[]) {
    // a square per point, opacity and colour both rising with probability so that near-zero points stay wood
    return Array.from(heat).map((v, p) => v === 0 ? '' : svg`<rect x=${at(p)[0] - 0.5} y=${at(p)[1] - 0.5} width="1"
        height="1" fill=${inferno(0.3 + 0.7 * v / 255)} fill-opacity=${0.2 + 0.75 * v / 255}/>`);
  }

  private stone([x, y]: number[], colour: string, opacity: number) {
    return svg`<circle class="stone ${colour === 'b' ? 'black' : 'white'}" cx=${x} cy=${y} r="0.47"
        fill="url(#${colour === 'b' ? 'black' : 'white'})" stroke="#222" stroke-width="0.03" opacity=${opacity}/>`;
  }

  private pointAt(e: MouseEvent): number {
    const svgEl = e.currentTarget as SVGSVGElement;
    const r = svgEl.getBoundingClientRect();
    const m = 1.2, extent = SIZE - 1 + 2 * m;
    const col = Math.round((e.clientX - r.left) / r.width * extent - m);
    const row = Math.round((e.clientY - r.top) / r.height * extent - m);
    return row >= 0 && row < SIZE && col >= 0 && col < SIZE ? row * SIZE + col : -1;
  }

  private onClick(e: MouseEvent) {
    if (!this.interactive) return;
    const point = this.pointAt(e);
    if (point >= 0) this.dispatchEvent(new CustomEvent('point-click', { detail: { point } }));
  }

  private onMove(e: MouseEvent) {
    if (this.interactive) this.hover = this.pointAt(e);
  }
}
