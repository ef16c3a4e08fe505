import { LitElement, html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/**
 * Records a few seconds from the microphone in the browser, with a level meter, and posts the result as a 16-bit
 * mono WAV file to {@link target} (a server upload URL). Audio is captured raw (Web Audio), never compressed.
 */
@customElement('audio-recorder')
export class AudioRecorder extends LitElement {
  static styles = css`
    :host { display: block; }
    .row { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
    button { font: inherit; padding: 6px 14px; border-radius: 6px; border: 1px solid #c5ccd6; background: #fff; cursor: pointer; }
    button.rec { background: #d93025; color: #fff; border-color: #d93025; }
    button:disabled { opacity: .5; cursor: default; }
    .meter { width: 160px; height: 10px; background: #e6e9ee; border-radius: 5px; overflow: hidden; }
    .level { height: 100%; background: #1e8e3e; width: 0; transition: width 60ms linear; }
    .hint { font-size: 0.85em; color: #5f6b7a; }
  `;

  /** Where the WAV goes (set by the server). */
  @property({ type: String }) target = '';
  /** Longest recording, in seconds. */
  @property({ type: Number }) seconds = 3;
  @state() private recording = false;
  @state() private level = 0;
  @state() private message = 'Press Record, allow the microphone when your browser asks, and say one digit.';
  private ctx?: AudioContext;
  private stream?: MediaStream;
  private node?: ScriptProcessorNode;
  private chunks: Float32Array[] = [];
  private timer?: number;

  render() {
    return html`
      <div class="row">
        <button id="record" class=${this.recording ? 'rec' : ''} @click=${this.toggle}>
          ${this.recording ? 'Stop' : 'Record'}</button>
        <div class="meter" title="input level"><div class="level" style="width:${Math.round(this.level * 100)}%"></div></div>
        <span class="hint" id="recorder-message">${this.message}</span>
      </div>`;
  }

  private async toggle() {
    if (this.recording) { this.finish(); return; }
    if (!navigator.mediaDevices?.getUserMedia) {
      this.message = 'This browser cannot record audio here (it needs https or localhost).';
      return;
    }
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
    } catch (e) {
      this.message = 'No microphone: access was refused or there is none. Allow it in the address bar and try again.';
      return;
    }
    this.ctx = new AudioContext();
    const source = this.ctx.createMediaStreamSource(this.stream);
    this.node = this.ctx.createScriptProcessor(4096, 1, 1);
    this.chunks = [];
    this.node.onaudioprocess = (e: AudioProcessingEvent) => {
      const data = e.inputBuffer.getChannelData(0);
      this.chunks.push(new Float32Array(data));
      let sum = 0;
      for (let i = 0; i < data.length; i++) sum += data[i] * data[i];
      this.level = Math.min(1, Math.sqrt(sum / data.length) * 4);
    };
    source.connect(this.node);
    this.node.connect(this.ctx.destination);
    this.recording = true;
    this.message = `Recording… say a digit (stops after ${this.seconds} s)`;
    this.timer = window.setTimeout(() => this.finish(), this.seconds * 1000);
  }

  private async finish() {
    if (!this.recording) return;
    this.recording = false;
    window.clearTimeout(this.timer);
    const rate = this.ctx!.sampleRate;
    this.node?.disconnect();
    this.stream?.getTracks().forEach(t => t.stop());
    await this.ctx?.close();
    this.level = 0;
    const n = this.chunks.reduce((a, c) => a + c.length, 0);
    if (n === 0) { this.message = 'Nothing was recorded. Try again.'; return; }
    const wav = AudioRecorder.encode(this.chunks, n, rate);
    this.message = 'Sending…';
    const form = new FormData();
    form.append('file', new Blob([wav], { type: 'audio/wav' }), 'recording.wav');
    try {
      const r = await fetch(this.target, { method: 'POST', body: form });
      // a refusal's answer is a sentence (too large, one file at a time)
      const refusal = r.status === 413 || r.status === 429 ? await r.text() : '';
      this.message = r.ok ? 'Recorded ' + (n / rate).toFixed(1) + ' s.' : refusal || 'The server refused the recording (' + r.status + ').';
    } catch (e) {
      this.message = 'Could not send the recording. Is the server still there?';
    }
  }

  /** 16-bit PCM mono WAV. */
  private static encode(chunks: Float32Array[], n: number, rate: number): ArrayBuffer {
    const buf = new ArrayBuffer(44 + n * 2);
    const v = new DataView(buf);
    const str = (o: number, s: string) => { for (let i = 0; i < s.length; i++) v.setUint8(o + i, s.charCodeAt(i)); };
    str(0, 'RIFF'); v.setUint32(4, 36 + n * 2, true); str(8, 'WAVE');
    str(12, 'fmt '); v.setUint32(16, 16, true); v.setUint16(20, 1, true); v.setUint16(22, 1, true);
    v.setUint32(24, rate, true); v.setUint32(28, rate * 2, true); v.setUint16(32, 2, true); v.setUint16(34, 16, true);
    str(36, 'data'); v.setUint32(40, n * 2, true);
    let o = 44;
    for (const c of chunks) for (let i = 0; i < c.length; i++, o += 2) v.setInt16(o, Math.max(-1, Math.min(1, c[i])) * 32767, true);
    return buf;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'audio-recorder': AudioRecorder; }
}
