import {spawnSync} from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import {Network, type NetworkSpec, type Sample} from '../source/core/network.js';
import {MAX_UNROLLED_TERMS, unrolledTerms} from '../source/core/unrolled.js';
import {PRESETS} from '../source/core/presets.js';
import {NumpyRandom} from '../source/core/random.js';
import {Trainer} from '../source/core/trainer.js';
import {handLoop, type HandResult} from './hand-loop.js';
import {median} from './report.js';

export type Speed = {
	readonly name: string;
	/** Iterations per timed run. */
	readonly iterations: number;
	/** Iterations per second of each timed run, wall clock. */
	readonly rates: readonly number[];
	readonly median: number;
	readonly best: number;
	/** Median iterations per CPU-second of this process: less disturbed by other processes. */
	readonly cpuMedian: number;
};

/** Runs `iterations` iterations and returns the milliseconds the training itself took. */
type Timed = (iterations: number) => number;

export type Candidate = {readonly name: string; readonly run: Timed};

/**
 * For each candidate, warm-up runs growing until one takes 50 ms of CPU time, then one at
 * full size (about `targetMs`). Then `repeats` rounds, each running every candidate once:
 * interleaved, so that load from other processes falls on all of them alike.
 */
export function measureTogether(candidates: readonly Candidate[], {repeats = 5, targetMs = 250} = {}): Speed[] {
	const cpuMs = (run: Timed, count: number) => {
		const cpu = process.cpuUsage();
		run(count);
		const used = process.cpuUsage(cpu);
		return (used.user + used.system) / 1000;
	};

	const sized = candidates.map(({name, run}) => {
		let iterations = 1000;
		let took = cpuMs(run, iterations);
		while (took < 50) {
			iterations *= 4;
			took = cpuMs(run, iterations);
		}

		iterations = Math.max(1, Math.round((iterations * targetMs) / took));
		run(iterations);
		return {name, run, iterations, rates: [] as number[], cpuRates: [] as number[]};
	});
	for (let k = 0; k < repeats; k++) {
		for (const candidate of sized) {
			const cpu = process.cpuUsage();
			candidate.rates.push((candidate.iterations * 1000) / candidate.run(candidate.iterations));
			const used = process.cpuUsage(cpu);
			candidate.cpuRates.push((candidate.iterations * 1e6) / (used.user + used.system));
		}
	}

	return sized.map(({name, iterations, rates, cpuRates}) => ({
		name,
		iterations,
		rates,
		median: median(rates),
		best: Math.max(...rates),
		cpuMedian: median(cpuRates),
	}));
}

/** The app's own code path: a fresh Trainer trained to its limit by runToEnd, history included. */
export function genericRun(spec: NetworkSpec, learningRate: number, seed = 0): Timed {
	return iterations => {
		const trainer = new Trainer({spec, learningRate, iterations, seed});
		const start = performance.now();
		trainer.runToEnd();
		const took = performance.now() - start;
		if (trainer.iteration !== iterations) {
			throw new Error(`trainer stopped at ${trainer.iteration} of ${iterations} (${trainer.state})`);
		}

		return took;
	};
}

export const handRun: Timed = iterations => {
	const start = performance.now();
	const result = handLoop(iterations);
	const took = performance.now() - start;
	if (!Number.isFinite(result.error)) {
		throw new Error('the hand loop diverged');
	}

	return took;
};

export const tutorial3 = PRESETS['tutorial-3']!;
export const tutorial10 = PRESETS['tutorial-10']!;

/** 64-32-4, sigmoid, no bias, 16 samples of inputs and targets in [0, 1) from a fixed seed. */
export function wideSpec(seed = 2024): NetworkSpec {
	const random = new NumpyRandom(seed);
	const layers = [64, 32, 4];
	const samples: Sample[] = Array.from({length: 16}, () => ({
		x: Array.from({length: layers[0]!}, () => random.rand()),
		t: Array.from({length: layers.at(-1)!}, () => random.rand()),
	}));
	return {layers, activation: 'sigmoid', bias: false, samples};
}

export type Agreement = {
	readonly iterations: number;
	/** Largest |hand - generic| over the eight weights; 0 means bit for bit. */
	readonly maxWeightDifference: number;
	readonly hand: HandResult;
	readonly genericPredicted: number;
};

/** Checks that the hand loop computes what the generic trainer computes. */
export function compareHandToGeneric(iterations: number): Agreement {
	const hand = handLoop(iterations);
	const trainer = new Trainer({spec: tutorial3, learningRate: tutorial3.learningRate, iterations, seed: 0});
	trainer.runToEnd();
	const generic = trainer.network.weights.flatMap(layer => [...layer]);
	const maxWeightDifference = Math.max(...generic.map((w, k) => Math.abs(w - hand.weights[k]!)));
	return {iterations, maxWeightDifference, hand, genericPredicted: trainer.network.getOutputs()[0]![0]!};
}

export type NumpyResult =
	| {readonly available: true; readonly speed: Speed; readonly predicted: number; readonly versions: string}
	| {readonly available: false; readonly reason: string};

/** The tutorial's own listing in python3 + numpy, if this machine has them. */
export function measureNumpy(benchFolder: string, repeats: number): NumpyResult {
	const check = spawnSync('python3', ['-c', 'import numpy'], {encoding: 'utf8'});
	if (check.error || check.status !== 0) {
		const reason = check.error ? `python3: ${check.error.message}` : 'python3 has no numpy';
		return {available: false, reason};
	}

	const script = path.join(benchFolder, 'tutorial_numpy.py');
	const result = spawnSync('python3', [script, '--repeats', String(repeats)], {encoding: 'utf8', timeout: 60_000});
	if (result.error || result.status !== 0) {
		return {available: false, reason: `${script} failed: ${result.error?.message ?? result.stderr.trim().split('\n').at(-1)}`};
	}

	const output = JSON.parse(result.stdout) as {rates: number[]; cpuRates: number[]; predicted: number; python: string; numpy: string};
	const {rates} = output;
	return {
		available: true,
		speed: {name: 'numpy listing', iterations: 80_000, rates, median: median(rates), best: Math.max(...rates), cpuMedian: median(output.cpuRates)},
		predicted: output.predicted,
		versions: `python ${output.python}, numpy ${output.numpy}`,
	};
}

/** The Network alone, written out for its shape or with the loops (see source/core/unrolled.ts). */
export function networkRun(spec: NetworkSpec, learningRate: number, unroll: 'always' | 'never'): Timed {
	return iterations => {
		const network = new Network(spec, {unroll});
		network.initialise(0);
		const start = performance.now();
		for (let k = 0; k < iterations; k++) {
			network.iterate(learningRate);
		}

		return performance.now() - start;
	};
}

/** A network of exactly MAX_UNROLLED_TERMS terms: the largest that is unrolled. */
export function limitSpec(): NetworkSpec {
	const random = new NumpyRandom(3);
	const layers = [14, 8, 2];
	if (unrolledTerms(layers, false, 1) !== MAX_UNROLLED_TERMS) {
		throw new Error('limitSpec no longer sits at MAX_UNROLLED_TERMS: adjust its layers');
	}

	return {
		layers,
		activation: 'sigmoid',
		bias: false,
		samples: [{x: Array.from({length: 14}, () => random.rand()), t: [random.rand(), random.rand()]}],
	};
}
