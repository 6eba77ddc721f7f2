/** What the scheduler runs: a trainer, or the lanes of a race in lockstep (lockstep.ts). */
export type Steppable = {readonly iteration: number; readonly finished: boolean; step(count: number): number};

/** One time slice of training: a message (a key) waits at most about this long. */
export const SLICE_MS = 10;
/** Below `max` speed, the wait between slices. */
const PACE_MS = 16;
/** The rate is measured over at least this long, so that slow speeds read true (1 it/s, not 2). */
const RATE_WINDOW_MS = 2000;

/** Iterations per second; `Infinity` is `max`. */
export type Speed = number;

/** The speeds `+` and `-` step through, in iterations per second: roughly ×10 apart. */
export const SPEED_LEVELS: readonly Speed[] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, Number.POSITIVE_INFINITY];

export function nextSpeed(speed: Speed, direction: 1 | -1): Speed {
	return direction === 1
		? (SPEED_LEVELS.find(level => level > speed) ?? Number.POSITIVE_INFINITY)
		: (SPEED_LEVELS.findLast(level => level < speed) ?? SPEED_LEVELS[0]!);
}

/**
 * Runs a trainer in time slices, at a speed: `Infinity` runs flat out, a number paces
 * iterations to that many a second. Between slices the event loop is free (messages,
 * keys). Knows time; the trainer does not.
 */
export class Scheduler {
	trainer: Steppable;
	speed: Speed;
	/** Measured over the last two seconds of running; 0 until then. */
	iterationsPerSecond = 0;
	private running = false;
	/** Stop (pause) on reaching this iteration: `n` and long steps. */
	private stopAtIteration = Number.POSITIVE_INFINITY;
	private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
	private runningSince: number | undefined;
	private elapsedBefore = 0;
	private anchorTime = 0;
	private anchorIteration = 0;
	// iterations per chunk: from one (a large network's iteration can take a second), doubling while chunks are quick
	private chunk = 1;
	private meter: Array<{time: number; iteration: number}> = [];
	private readonly onProgress: () => void;

	constructor(trainer: Steppable, speed: Speed, onProgress: () => void) {
		this.trainer = trainer;
		this.speed = speed;
		this.onProgress = onProgress;
	}

	get isRunning(): boolean {
		return this.running;
	}

	/** Where a run started by `start(until)` pauses; undefined when it runs on. */
	get stopAt(): number | undefined {
		return this.running && this.stopAtIteration !== Number.POSITIVE_INFINITY ? this.stopAtIteration : undefined;
	}

	/** Milliseconds spent running, pauses excluded. */
	get elapsed(): number {
		return this.elapsedBefore + (this.runningSince === undefined ? 0 : performance.now() - this.runningSince);
	}

	/** Runs until paused, done or diverged; with `until`, pauses at that iteration (at full speed). */
	start(until = Number.POSITIVE_INFINITY): void {
		if (this.trainer.finished) {
			return;
		}

		this.stopAtIteration = until;
		if (!this.running) {
			this.running = true;
			this.runningSince = performance.now();
			this.meter = [];
			this.anchor();
			this.schedule(0);
		}
	}

	pause(): void {
		if (!this.running) {
			return;
		}

		this.running = false;
		this.stopAtIteration = Number.POSITIVE_INFINITY;
		this.iterationsPerSecond = 0;
		if (this.timer !== undefined) {
			clearTimeout(this.timer as NodeJS.Timeout);
			clearImmediate(this.timer as NodeJS.Immediate);
			this.timer = undefined;
		}

		if (this.runningSince !== undefined) {
			this.elapsedBefore += performance.now() - this.runningSince;
			this.runningSince = undefined;
		}
	}

	setSpeed(speed: Speed): void {
		this.speed = speed;
		this.anchor();
		this.meter = [];
	}

	/** A new run (after a reset): the clock starts again. */
	replace(trainer: Steppable): void {
		const wasRunning = this.running;
		this.pause();
		this.trainer = trainer;
		this.elapsedBefore = 0;
		if (wasRunning) {
			this.start();
		}
	}

	dispose(): void {
		this.pause();
	}

	private readonly tick = (): void => {
		this.timer = undefined;
		if (!this.running) {
			return;
		}

		const {trainer} = this;
		const sliceStart = performance.now();
		const target =
			this.speed === Number.POSITIVE_INFINITY || this.stopAtIteration !== Number.POSITIVE_INFINITY
				? this.stopAtIteration
				: this.anchorIteration + Math.floor(((sliceStart - this.anchorTime) * this.speed) / 1000);
		while (trainer.iteration < target && !trainer.finished) {
			const chunkStart = performance.now();
			trainer.step(Math.min(this.chunk, target - trainer.iteration));
			const took = performance.now() - chunkStart;
			// keep each chunk near a millisecond so that the slice ends on time
			if (took < 0.5 && this.chunk < 1_048_576) {
				this.chunk *= 2;
			} else if (took > 2 && this.chunk > 1) {
				this.chunk = Math.ceil(this.chunk / 2);
			}

			if (performance.now() - sliceStart > SLICE_MS) {
				break;
			}
		}

		this.measure();
		if (trainer.finished || trainer.iteration >= this.stopAtIteration) {
			this.pause();
		} else {
			// behind the speed (or flat out): the next slice at once; ahead: wait for the next iteration's time
			const behind = trainer.iteration < target;
			this.schedule(behind ? 0 : Math.min(PACE_MS, Math.max(1, 1000 / this.speed)));
		}

		this.onProgress();
	};

	private schedule(delay: number): void {
		this.timer = delay === 0 ? setImmediate(this.tick) : setTimeout(this.tick, delay);
	}

	private anchor(): void {
		this.anchorTime = performance.now();
		this.anchorIteration = this.trainer.iteration;
	}

	private measure(): void {
		const now = performance.now();
		const {meter} = this;
		meter.push({time: now, iteration: this.trainer.iteration});
		while (meter.length > 2 && now - meter[1]!.time >= RATE_WINDOW_MS) {
			meter.shift();
		}

		const oldest = meter[0]!;
		// half the window at least: a rate measured over a few milliseconds says little
		if (now - oldest.time >= RATE_WINDOW_MS / 2) {
			this.iterationsPerSecond = ((this.trainer.iteration - oldest.iteration) * 1000) / (now - oldest.time);
		}
	}
}
