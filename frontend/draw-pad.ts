import { LitElement, html, css } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

/**
 * A square pad to draw a digit on with a mouse, a pen or a finger (pointer events).
 * The drawing is kept as strokes (polylines in pad units) so that undo can remove the last one, and it is sent
 * to the server as JSON in a 'drawing-changed' event: during a stroke at most every `throttleMs` ("live", a preview
 * the server may skip when busy), and always when a stroke ends, after undo and after clear ("settled": the drawing
 * at rest, which the server reads first). Each event carries a sequence number that the server echoes on the
 * verdict it shows (data-drawing), so a page or a test can tell which drawing a verdict is for.
 */
@customElement('draw-pad')
export class DrawPad extends LitElement {
  static styles = css`
    :host { display: inline-block; position: relative; line-height: 0; }
    canvas { width: var(--draw-pad-size, 280px); height: var(--draw-pad-size, 280px); touch-action: none;
             cursor: crosshair; background: #fff; border-radius: var(--lumo-border-radius-l, 8px);
             border: 1px solid var(--lumo-contrast-30pct, #bbb); box-sizing: border-box; }
    .guide { position: absolute; inset: 14.3%; border: 1px dashed var(--lumo-contrast-20pct, #ddd);
             border-radius: 4px; pointer-events: none; }
  `;

  /** Pad size in drawing units (the canvas is square). */
  @property({ type: Number }) size = 280;
  /** Pen width in drawing units: about a tenth of a digit's height, like MNIST strokes. */
  @property({ type: Number }) pen = 20;
  @property({ type: Number, attribute: 'throttle-ms' }) throttleMs = 100;
  @query('canvas') private canvas!: HTMLCanvasElement;

  private strokes: number[][] = [];
  private current: number[] | null = null;
  private lastSent = 0;
  private seq = 0;
  private pendingTimer: number | undefined;

  render() {
    return html`<canvas width=${this.size} height=${this.size} part="canvas" role="img" aria-label="Drawing pad: draw a digit here"
        @pointerdown=${this.down} @pointermove=${this.move} @pointerup=${this.up}
        @pointercancel=${this.up} @lostpointercapture=${this.up}></canvas><div class="guide"></div>`;
  }

  /** Number of drawings sent so far (the last one's sequence number), for tests. */
  get sent(): number { return this.seq; }

  /** Number of strokes, for tests and for the server's undo button state. */
  get strokeCount(): number { return this.strokes.length; }

  private pos(e: PointerEvent): [number, number] {
    const r = this.canvas.getBoundingClientRect();
    const k = this.size / r.width;
    return [Math.round((e.clientX - r.left) * k * 10) / 10, Math.round((e.clientY - r.top) * k * 10) / 10];
  }

  private down(e: PointerEvent) {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    e.preventDefault();
    this.canvas.setPointerCapture(e.pointerId);
    const [x, y] = this.pos(e);
    this.current = [x, y];
    this.strokes.push(this.current);
    this.redraw();
    this.sendThrottled();
  }

  private move(e: PointerEvent) {
    if (!this.current) return;
    // coalesced events give the full resolution of fast pen and touch movements
    const events = (e as any).getCoalescedEvents ? (e as any).getCoalescedEvents() : [e];
    for (const ev of events.length ? events : [e]) {
      const [x, y] = this.pos(ev);
      const n = this.current.length;
      if (Math.abs(this.current[n - 2] - x) + Math.abs(this.current[n - 1] - y) < 1) continue;
      this.current.push(x, y);
    }
    this.redraw();
    this.sendThrottled();
  }

  private up(_e: PointerEvent) {
    if (!this.current) return;
    this.current = null;
    this.send(true);
  }

  /** Removes the last stroke (called from the server's Undo button). */
  undo() {
    if (this.current) return;
    this.strokes.pop();
    this.redraw();
    this.send(true);
  }

  /** Removes every stroke (called from the server's Clear button). */
  clear() {
    this.current = null;
    this.strokes = [];
    this.redraw();
    this.send(true);
  }

  /** Number of inked canvas pixels, for end-to-end tests. */
  inkedPixels(): number {
    const d = this.canvas.getContext('2d')!.getImageData(0, 0, this.size, this.size).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 128) n++;
    return n;
  }

  private redraw() {
    const g = this.canvas.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, this.size, this.size);
    g.strokeStyle = '#111';
    g.fillStyle = '#111';
    g.lineWidth = this.pen;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    for (const s of this.strokes) {
      if (s.length === 2) {
        g.beginPath();
        g.arc(s[0], s[1], this.pen / 2, 0, 2 * Math.PI);
        g.fill();
        continue;
      }
      g.beginPath();
      g.moveTo(s[0], s[1]);
      for (let i = 2; i < s.length; i += 2) g.lineTo(s[i], s[i + 1]);
      g.stroke();
    }
  }

  private sendThrottled() {
    const wait = this.lastSent + this.throttleMs - performance.now();
    if (wait <= 0) { this.send(false); return; }
    if (this.pendingTimer === undefined) {
      this.pendingTimer = window.setTimeout(() => { this.pendingTimer = undefined; if (this.current) this.send(false); }, wait);
    }
  }

  private send(settled: boolean) {
    if (this.pendingTimer !== undefined) { clearTimeout(this.pendingTimer); this.pendingTimer = undefined; }
    this.lastSent = performance.now();
    const drawing = JSON.stringify({ width: this.size, height: this.size, pen: this.pen, strokes: this.strokes });
    this.dispatchEvent(new CustomEvent('drawing-changed', { detail: { drawing, strokes: this.strokes.length, seq: ++this.seq, settled } }));
  }

  firstUpdated() { this.redraw(); }
}

declare global {
  interface HTMLElementTagNameMap { 'draw-pad': DrawPad; }
}
