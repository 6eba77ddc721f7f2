import {BucketHistory, SampledHistory, type HistorySave, type SampledSave} from '../training/history.js';
import type {LearningRateChange} from '../training/learning-rates.js';
import {MAX_OUTPUT_HISTORIES, type RecordsSave} from '../training/records.js';
import type {Past} from '../training/trainer-state.js';
import type {Trainer} from '../training/trainer.js';

/**
 * A checkpoint's `history` (version 3): what the chart, the history CSV and the previous
 * run's comparison draw, so that a loaded run goes on from where it was. Each bucket
 * history as columns of plain numbers (a number that is not finite is written as null).
 */
export type BucketsJson = {
	/** Iterations a bucket covers, and how many the newest holds. */
	readonly width: number;
	readonly filled: number;
	/** The first iteration the history covers. */
	readonly start: number;
	readonly ends: readonly number[];
	readonly firsts: ReadonlyArray<number | null>;
	readonly mins: ReadonlyArray<number | null>;
	readonly maxs: ReadonlyArray<number | null>;
	readonly lasts: ReadonlyArray<number | null>;
};

export type HistoryJson = {
	readonly error: BucketsJson;
	/** The first training sample's predicted outputs, one history each (at most 8). */
	readonly outputs: readonly BucketsJson[];
	readonly test: {readonly stride: number; readonly iterations: readonly number[]; readonly values: ReadonlyArray<number | null>};
	readonly learningRates: readonly LearningRateChange[];
};

// the order of a HistorySave's columns
const COLUMNS = ['firsts', 'mins', 'maxs', 'lasts', 'ends'] as const;
const BUCKETS = new BucketHistory().capacity;
const MEASURED = new SampledHistory().capacity;

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null);

function bucketsJson(save: HistorySave, capacity: number): BucketsJson {
	const column = (k: number) => Array.from(save.values.subarray(k * capacity, k * capacity + save.count));
	const [firsts, mins, maxs, lasts, ends] = COLUMNS.map((_, k) => column(k));
	return {
		width: save.width,
		filled: save.filled,
		start: save.firstIteration,
		ends: ends!,
		firsts: firsts!.map(v => finiteOrNull(v)),
		mins: mins!.map(v => finiteOrNull(v)),
		maxs: maxs!.map(v => finiteOrNull(v)),
		lasts: lasts!.map(v => finiteOrNull(v)),
	};
}

/** The trainer's past as a checkpoint's `history`. */
export function historyJson(trainer: Trainer): HistoryJson {
	const {records} = trainer;
	const saved = records.save();
	const test = saved.test;
	return {
		error: bucketsJson(saved.error, records.error.capacity),
		outputs: saved.outputs.map((save, k) => bucketsJson(save, records.outputs[k]!.capacity)),
		test: {stride: test.stride, iterations: [...test.iterations], values: test.values.map(v => finiteOrNull(v))},
		learningRates: trainer.learningRates.changes.map(({iteration, learningRate}) => ({iteration, learningRate})),
	};
}

type Problem = {readonly problem: string};
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isWhole = (value: unknown, min: number): value is number => Number.isSafeInteger(value) && (value as number) >= min;
const isValue = (value: unknown) => value === null || (typeof value === 'number' && Number.isFinite(value));
/** Whole numbers from `min` to `max`, each above the one before. */
const isAscending = (values: unknown, min: number, max: number): values is number[] =>
	Array.isArray(values) && values.every((v, k) => isWhole(v, min) && v <= max && (k === 0 || v > (values[k - 1] as number)));

/** A bucket history read back into the form the trainer restores; undefined when anything is off. */
function readBuckets(raw: unknown, iteration: number): HistorySave | undefined {
	if (!isObject(raw) || !isWhole(raw['start'], 1) || !isAscending(raw['ends'], raw['start'], iteration)) {
		return undefined;
	}

	const count = raw['ends'].length;
	const {width, filled} = raw;
	const columns = COLUMNS.map(name => raw[name]);
	const valid = columns.every(column => Array.isArray(column) && column.length === count && column.every(v => isValue(v)));
	// width a power of two; the newest bucket holds 1 to width iterations (0 when there is none)
	const buckets = isWhole(width, 1) && Number.isInteger(Math.log2(width)) && isWhole(filled, 0) && filled <= width && filled > 0 === count > 0;
	if (!valid || !buckets || count > BUCKETS) {
		return undefined;
	}

	const values = new Float64Array(5 * BUCKETS);
	for (const [k, column] of (columns as Array<Array<number | null>>).entries()) {
		values.set(
			column.map(v => v ?? Number.NaN),
			k * BUCKETS,
		);
	}

	return {width, filled, count, firstIteration: raw['start'], values};
}

function readTest(raw: unknown, iteration: number): SampledSave | undefined {
	if (!isObject(raw) || !isWhole(raw['stride'], 1) || !isAscending(raw['iterations'], 1, iteration) || !Array.isArray(raw['values'])) {
		return undefined;
	}

	const {iterations, values} = raw;
	if (iterations.length !== values.length || iterations.length >= MEASURED || !values.every(v => isValue(v))) {
		return undefined;
	}

	return {stride: raw['stride'], iterations, values: (values as Array<number | null>).map(v => v ?? Number.NaN)};
}

function readRates(raw: unknown, iteration: number): LearningRateChange[] | undefined {
	const changes = Array.isArray(raw) ? raw : [];
	const rate = (change: unknown) =>
		isObject(change) && typeof change['learningRate'] === 'number' && change['learningRate'] > 0 && Number.isFinite(change['learningRate']);
	if (
		!Array.isArray(raw) ||
		!changes.every(change => rate(change)) ||
		!isAscending(
			changes.map((change: Record<string, unknown>) => change['iteration']),
			0,
			iteration,
		)
	) {
		return undefined;
	}

	return (changes as LearningRateChange[]).map(({iteration, learningRate}) => ({iteration, learningRate}));
}

/** A checkpoint's `history` read back for a run at `iteration` with `outputs` output neurons; a problem is one line. */
export function readHistory(raw: unknown, iteration: number, outputs: number, initialWeights: Float64Array | undefined): Past | Problem {
	const problem = {problem: '"history" must hold the error, outputs, test and learningRates histories of the run up to its iteration'};
	if (!isObject(raw) || !Array.isArray(raw['outputs']) || raw['outputs'].length !== Math.min(outputs, MAX_OUTPUT_HISTORIES)) {
		return problem;
	}

	const error = readBuckets(raw['error'], iteration);
	const outputHistories = raw['outputs'].map(history => readBuckets(history, iteration));
	const test = readTest(raw['test'], iteration);
	const learningRates = readRates(raw['learningRates'], iteration);
	if (!error || !test || !learningRates || outputHistories.some(history => history === undefined)) {
		return problem;
	}

	const records: RecordsSave = {error, outputs: outputHistories as HistorySave[], test};
	return {records, learningRates, initialWeights};
}
