import type { CliIo } from './io.js';

/**
 * A progress bar redrawn in place on a terminal: `Documentos [#######-----] 412/600`.
 * It prints nothing when output is not a terminal or --quiet was given.
 */
export class Progress {
  private shown = -1;

  constructor(
    private readonly io: CliIo,
    private readonly enabled: boolean,
    private readonly label: string,
    private total: number,
  ) {}

  /** Show `done` of the total; a total learned only now (messages of a mailbox) may be given. */
  update(done: number, total = this.total): void {
    this.total = total;
    if (!this.enabled || this.total === 0) return;
    // Redraw at most once per percent, because writing to a terminal is slow.
    const percent = Math.floor((100 * done) / this.total);
    if (percent === this.shown && done !== this.total) return;
    this.shown = percent;
    const width = 30;
    const filled = Math.round((width * done) / this.total);
    this.io.stdout(`\r${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${this.total}`);
    if (done === this.total) this.io.stdout('\n');
  }
}
