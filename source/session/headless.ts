import {hasClassTargets} from '../core/data/samples.js';
import {confusionMatrix} from '../core/maths/confusion.js';
import {nest} from '../core/shape.js';
import {Trainer} from '../core/training/trainer.js';
import {predictedColumns, writeAllRequested} from './exports.js';
import type {RunOptions} from './options.js';
import {runEndOf, type RunEnd} from './summary.js';
import {surfaceJson, type SurfaceChoice} from './views/surface.js';

export type Streams = {
	readonly stdout: NodeJS.WritableStream;
	readonly stderr: NodeJS.WritableStream & {isTTY?: boolean};
};

export type HeadlessOptions = {
	readonly json: boolean;
	/** A CSV row every this many iterations, on stdout. */
	readonly every?: number;
	/** Set when a signal asks to stop: training ends at the current iteration, the files are written. */
	readonly stop: {requested: boolean};
	/** The summary's lines, for the run as it ended. */
	readonly describe: (end: RunEnd) => string[];
	/** `--surface`: the error over two weights, added to the JSON. */
	readonly surface?: SurfaceChoice;
};

/** Milliseconds of training between two looks at the event loop (a signal, the progress line). */
const SLICE_MS = 50;

/** Trains to the limit without a dashboard, in slices so that a signal stops it cleanly. */
export async function runHeadless(run: RunOptions, options: HeadlessOptions, {stdout, stderr}: Streams): Promise<RunEnd> {
	const trainer = new Trainer(run.setup, run.resume);
	const bar = stderr.isTTY && !options.json && options.every === undefined ? progressLine(stderr, trainer.setup.limit) : undefined;
	const start = performance.now();
	const trace = options.every === undefined ? undefined : traceWriter(trainer, options.every, stdout);
	let chunk = 1024;
	while (!trainer.finished && !options.stop.requested) {
		const sliceStart = performance.now();
		const target = trace ? Math.min(trace.next(), trainer.iteration + chunk) : trainer.iteration + chunk;
		trainer.step(target - trainer.iteration);
		trace?.write();
		const took = performance.now() - sliceStart;
		chunk = took < SLICE_MS / 2 ? chunk * 2 : took > SLICE_MS ? Math.max(1, Math.floor(chunk / 2)) : chunk;
		bar?.(trainer.iteration);
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}

	if (bar) {
		stderr.write('\r\u001B[2K');
	}

	const elapsed = performance.now() - start;
	const written = await writeAllRequested(trainer, run);
	const end = runEndOf(trainer, trainer.finished ? (trainer.status as 'done' | 'diverged') : 'stopped', elapsed, written);
	if (options.json) {
		const surface = options.surface && {surface: surfaceJson(trainer, options.surface)};
		stdout.write(JSON.stringify({...resultJson(trainer), ...surface}) + '\n');
	}

	if (options.json || options.every !== undefined) {
		// stdout holds the JSON or the CSV alone: what happened to the files goes to stderr
		for (const line of written) {
			stderr.write(`descent: ${line}\n`);
		}
	} else {
		stdout.write(options.describe(end).join('\n') + '\n');
	}

	return end;
}

/** `--headless --json`: the run's numbers, named as the reference runs name them. */
export function resultJson(trainer: Trainer): Record<string, unknown> {
	const {network, setup, split, data, evaluator} = trainer;
	const shape = network.shape;
	const weightsUsed = network.previousWeights;
	const outputs = Array.from({length: data.count}, (_, s) => [...evaluator.forward(weightsUsed, data.inputs, s * data.inputCount)[network.depth]!]);
	const hasTest = split.test.length > 0;
	const classes = outputs.length > 0 && setup.samples.every(sample => sample.t.every(t => t === 0 || t === 1));
	// rows the true class, columns the predicted, as the accuracy counts them
	const confusion = outputs.length > 0 && hasClassTargets(setup.samples);
	const {samples: _samples, weights: _weights, limit: _limit, ...choices} = setup;
	return {
		...choices,
		layers: setup.layers,
		learningRate: trainer.learningRate,
		iterations: trainer.iteration,
		epoch: trainer.epoch,
		status: trainer.status,
		...(trainer.divergedAt !== undefined && {divergedAt: trainer.divergedAt}),
		...(trainer.reachedAt !== undefined && {reachedAt: trainer.reachedAt}),
		initialWeights: nest(shape, trainer.initialWeights),
		initialWeightsFrom: trainer.initialWeightsFrom,
		weights: nest(shape, network.weights),
		error: network.error,
		outputs,
		finalError: trainer.trainError(),
		...(hasTest && {trainError: trainer.trainError(), testError: trainer.testError(), testSamples: [...split.test]}),
		...(classes && {accuracy: evaluator.measure(network.weights, data, split.train).accuracy}),
		...(classes && hasTest && {testAccuracy: evaluator.measure(network.weights, data, split.test).accuracy}),
		...(confusion && {confusion: confusionMatrix(evaluator, network.weights, data, split.train)}),
		...(confusion && hasTest && {testConfusion: confusionMatrix(evaluator, network.weights, data, split.test)}),
	};
}

/** `iteration,error,predicted…` every `every` iterations, each row written as soon as it is computed. */
function traceWriter(trainer: Trainer, every: number, stdout: NodeJS.WritableStream): {next: () => number; write: () => void} {
	const {network, data} = trainer;
	const outputs = data.outputCount;
	const samples = network.batchSize;
	const columns = samples === 1 ? predictedColumns(outputs) : Array.from({length: samples}, (_, s) => predictedColumns(outputs, `predicted_s${s + 1}`)).flat();
	stdout.write((trainer.schedule.fullBatch ? ['iteration', 'error', ...columns] : ['iteration', 'error']).join(',') + '\n');
	let written = trainer.iteration;
	return {
		next: () => Math.min(trainer.setup.limit, (Math.floor(trainer.iteration / every) + 1) * every),
		write() {
			if (trainer.iteration === written || (trainer.iteration % every !== 0 && !trainer.finished)) {
				return;
			}

			written = trainer.iteration;
			const predicted = trainer.schedule.fullBatch ? [...network.activations[network.depth]!.subarray(0, samples * outputs)] : [];
			stdout.write([trainer.iteration, network.error, ...predicted].join(',') + '\n');
		},
	};
}

function progressLine(stderr: NodeJS.WritableStream, limit: number): (iteration: number) => void {
	let last = 0;
	return iteration => {
		const now = performance.now();
		if (now - last < 100) {
			return;
		}

		last = now;
		const width = 30;
		const done = Math.round((iteration / limit) * width);
		stderr.write(`\r[${'#'.repeat(done)}${' '.repeat(width - done)}] ${iteration.toLocaleString('en-US')} / ${limit.toLocaleString('en-US')} iterations`);
	};
}
