/**
 * Stepping back: the trainer's whole state kept every `interval` iterations, in a bounded
 * ring. Going back to iteration t restores the last point before t and replays forward
 * (every run is deterministic), so memory stays bounded however long the run.
 */
export type RewindPoint<State> = {readonly iteration: number; readonly state: State};

/** At least this far back, where memory allows. */
export const REWIND_REACH = 1000;
/** Memory the points may take. */
export const BUDGET_BYTES = 64 * 1024 * 1024;
/**
 * Weight × sample terms of the iterations between two points, per double a point copies.
 * At 4 (a point every 8,192 tutorial-3 iterations) the copies took 4 % of a run's time and
 * their garbage raised peak memory by 21 MB over ten million iterations; at 32 both are
 * an eighth of that. Going back replays at most one interval: for any network, about
 * 32 × a point's doubles terms, a few milliseconds.
 */
const COPY_SHARE = 32;
const MAX_INTERVAL = 65_536;

export class Rewind<State> {
	/** Iterations between points: a power of two. */
	readonly interval: number;
	/** Points kept. */
	readonly capacity: number;
	/** The iteration of the first point: where the run started (0, or a checkpoint's iteration), nothing before it. */
	private origin: number | undefined;
	private points: Array<RewindPoint<State>> = [];

	/**
	 * `pointBytes`: the size of one saved state; `iterationTerms`: weight × sample terms
	 * of one iteration (its cost). Points are rarer when they are large against an
	 * iteration, and fewer when memory is short.
	 */
	constructor(pointBytes: number, iterationTerms: number) {
		const wanted = Math.ceil(((pointBytes / 8) * COPY_SHARE) / Math.max(1, iterationTerms));
		let interval = 1;
		while (interval < wanted && interval < MAX_INTERVAL) {
			interval *= 2;
		}

		const byMemory = Math.max(2, Math.floor(BUDGET_BYTES / Math.max(1, pointBytes)));
		// large points: fewer of them fit, so they are spread further apart to still reach REWIND_REACH back
		while ((byMemory - 2) * interval < REWIND_REACH && interval < MAX_INTERVAL) {
			interval *= 2;
		}

		this.interval = interval;
		this.capacity = Math.min(byMemory, Math.ceil(REWIND_REACH / interval) + 2);
	}

	/** Whether a point should be kept at this iteration (not when replaying past points already held). */
	due(iteration: number): boolean {
		return iteration % this.interval === 0 && (this.points.at(-1)?.iteration ?? -1) < iteration;
	}

	/** Keeps the state `save` makes, given the state of the point the ring lets go (to reuse its buffers), if any. */
	capture(iteration: number, save: (reuse: State | undefined) => State): void {
		const last = this.points.at(-1);
		if (last && last.iteration >= iteration) {
			// a replay passes points it already holds
			return;
		}

		this.origin ??= iteration;
		const released = this.points.length >= this.capacity ? this.points.shift() : undefined;
		this.points.push({iteration, state: save(released?.state)});
	}

	/** The latest point at or before `iteration`. */
	atOrBefore(iteration: number): RewindPoint<State> | undefined {
		return this.points.findLast(point => point.iteration <= iteration);
	}

	/** The earliest point still held. */
	get earliest(): number | undefined {
		return this.points[0]?.iteration;
	}

	/**
	 * The earliest iteration going back can reach: the origin while its point is held (restored
	 * as it is), else the iteration after the earliest point (restored and replayed one iteration,
	 * so that the screen shows that iteration's forward and backward numbers).
	 */
	get reachable(): number | undefined {
		const earliest = this.earliest;
		return earliest === undefined || earliest === this.origin ? earliest : earliest + 1;
	}

	/** The point to restore to reach `target`, when one is held: the origin itself, else one before. */
	pointFor(target: number): RewindPoint<State> | undefined {
		return target === this.origin ? this.atOrBefore(target) : this.atOrBefore(target - 1);
	}

	/** Forget the points after `iteration`: the run takes another way from there. */
	forgetAfter(iteration: number): void {
		this.points = this.points.filter(point => point.iteration <= iteration);
	}

	clear(): void {
		this.origin = undefined;
		this.points = [];
	}
}
