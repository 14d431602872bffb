/**
 * The ball's clock: step t advances at `speed()` steps per second while playing, one step per
 * click of "step"; draw(t) paints the view at step t. Stops by itself at the last step.
 */
export class Roll {
  private t = 0;
  private last = 0;
  private frame = 0;
  private playing = false;

  constructor(
    private readonly steps: number,
    private readonly draw: (t: number) => void,
    private readonly speed: () => number,
    private readonly onChange: (t: number, playing: boolean) => void,
  ) {
    this.show();
  }

  play(): void {
    if (this.t >= this.steps) this.t = 0;
    this.playing = true;
    this.last = performance.now();
    this.frame = requestAnimationFrame((now) => this.tick(now));
    this.show();
  }

  pause(): void {
    this.playing = false;
    cancelAnimationFrame(this.frame);
    this.show();
  }

  step(): void {
    this.pause();
    this.t = Math.min(this.steps, Math.floor(this.t) + 1);
    this.show();
  }

  reset(): void {
    this.pause();
    this.t = 0;
    this.show();
  }

  /** Straight to the end: the whole paths. */
  end(): void {
    this.pause();
    this.t = this.steps;
    this.show();
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  private tick(now: number): void {
    if (!this.playing) return;
    // A frame's timestamp is when the frame began, which may be before play() read the clock.
    this.t = Math.min(this.steps, this.t + (Math.max(0, now - this.last) / 1000) * this.speed());
    this.last = now;
    if (this.t >= this.steps) this.playing = false;
    this.show();
    if (this.playing) this.frame = requestAnimationFrame((n) => this.tick(n));
  }

  private show(): void {
    this.draw(Math.floor(this.t));
    this.onChange(Math.floor(this.t), this.playing);
  }
}
