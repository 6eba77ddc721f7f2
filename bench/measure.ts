/**
 * Speed measurement in one process: candidates sized to about the same time per run, warmed
 * up, then timed in interleaved rounds (A B C A B C …) so that load from other processes
 * falls on all of them alike; ratios are taken per round.
 */
import process from 'node:process';

/** One timed run of `iterations` iterations: wall-clock and CPU milliseconds of the work alone. */
export type Took = {readonly wallMs: number; readonly cpuMs: number};

export type Candidate = {
	readonly name: string;
	/** Weight × sample terms of one iteration (for ns per term). */
	readonly terms: number;
	readonly run: (iterations: number) => Took | Promise<Took>;
};

/** What a child process reports for one candidate: iterations per second of each round. */
export type SpeedReport = {
	readonly name: string;
	readonly terms: number;
	readonly iterations: number;
	readonly rates: readonly number[];
	readonly cpuRates: readonly number[];
};

/** Times a synchronous piece of work: wall clock and this process's CPU time. */
export function timed(work: () => void): Took {
	const cpu = process.cpuUsage();
	const start = performance.now();
	work();
	const wallMs = performance.now() - start;
	const used = process.cpuUsage(cpu);
	return {wallMs, cpuMs: (used.user + used.system) / 1000};
}

/**
 * Iterations that take about `targetMs`: grows from 100 until a run takes 20 ms of CPU, then
 * runs at the size the last run suggests until it has run `warmMs` of CPU and two runs in a
 * row agree on the rate (within 20%) and take about the target: V8 optimises a large
 * function late, in the background, so the first rates can be far too low. These runs are
 * the warm-up.
 */
async function size(candidate: Candidate, targetMs: number, warmMs: number): Promise<number> {
	const deadline = performance.now() + 10_000;
	let iterations = 100;
	let took = await candidate.run(iterations);
	while (took.cpuMs < 20 && performance.now() < deadline) {
		iterations *= 4;
		took = await candidate.run(iterations);
	}

	let previous = Number.NaN;
	let warmed = took.cpuMs;
	while (performance.now() < deadline) {
		const rate = iterations / Math.max(took.cpuMs, 1e-3);
		if (warmed >= warmMs && Math.abs(rate / previous - 1) < 0.2 && took.cpuMs > targetMs / 1.5 && took.cpuMs < targetMs * 1.5) {
			break;
		}

		previous = rate;
		iterations = Math.max(1, Math.round(rate * targetMs));
		took = await candidate.run(iterations);
		warmed += took.cpuMs;
	}

	return iterations;
}

/**
 * Sizes each candidate (its last sizing runs are its warm-up), then `rounds` rounds each
 * running every candidate once, the order rotating so that none is always first. A run far
 * from the target time (its code optimised after all) sizes the candidate's next run again.
 */
export async function measureTogether(candidates: readonly Candidate[], {rounds = 7, targetMs = 150, warmMs = 1000} = {}): Promise<SpeedReport[]> {
	const sized: Array<Candidate & {iterations: number; rates: number[]; cpuRates: number[]}> = [];
	for (const candidate of candidates) {
		const iterations = await size(candidate, targetMs, warmMs);
		sized.push({...candidate, iterations, rates: [], cpuRates: []});
	}

	for (let round = 0; round < rounds; round++) {
		for (let k = 0; k < sized.length; k++) {
			const candidate = sized[(k + round) % sized.length]!;
			const took = await candidate.run(candidate.iterations);
			candidate.rates.push((candidate.iterations * 1000) / took.wallMs);
			candidate.cpuRates.push((candidate.iterations * 1000) / Math.max(took.cpuMs, 1e-3));
			if (took.cpuMs < targetMs / 2 || took.cpuMs > targetMs * 2) {
				candidate.iterations = Math.max(1, Math.round((candidate.iterations * targetMs) / Math.max(took.cpuMs, 1e-3)));
			}
		}
	}

	return sized.map(({name, terms, iterations, rates, cpuRates}) => ({name, terms, iterations, rates, cpuRates}));
}
