import {checkpointOf} from '../core/checkpoint.js';
import {historyCsv, predictedColumns} from '../core/export.js';
import {describeLayers} from '../core/names.js';
import {Trainer} from '../core/trainer.js';
import {writeFileAtomic} from './files.js';
import {reproduceFlags, type Options} from './options.js';

type Streams = {
	readonly stdout: NodeJS.WritableStream;
	readonly stderr: NodeJS.WritableStream & {isTTY?: boolean};
};

export function createTrainer(options: Options): Trainer {
	return new Trainer({
		spec: options.spec,
		learningRate: options.learningRate,
		iterations: options.iterations,
		seed: options.seed,
		speed: options.speed,
		...(options.resume && {resume: options.resume}),
	});
}

/**
 * Writes the `--save` and `--history` files, if asked. Returns a line for the user per
 * file: where it was written, or why not (a diverged run has no checkpoint to save).
 */
export function writeRequestedFiles(trainer: Trainer, options: Options): string[] {
	const lines: string[] = [];
	const write = (what: string, file: string | undefined, text: () => string) => {
		if (file === undefined) {
			return;
		}

		try {
			writeFileAtomic(file, text());
			lines.push(`wrote ${what} ${file}`);
		} catch (error) {
			lines.push(`${what} ${file} not written: ${error instanceof Error ? error.message : String(error)}`);
		}
	};

	write('checkpoint', options.save, () => JSON.stringify(checkpointOf(trainer, options.spec.samples)) + '\n');
	write('history', options.history, () => historyCsv(trainer));
	return lines;
}

const formatCount = (n: number) => n.toLocaleString('en-US');

/** Trains to the limit without a dashboard. Returns the exit code. */
export function runHeadless(options: Options, {stdout, stderr}: Streams): number {
	const trainer = createTrainer(options);
	const initialWeights = trainer.network.getWeights();
	const resumedAt = trainer.iteration;
	if (options.every === undefined) {
		const bar = stderr.isTTY && !options.json ? progressBar(stderr, trainer.limit) : undefined;
		trainer.runToEnd(bar);
		if (bar) {
			stderr.write('\r\u001B[2K');
		}
	} else {
		writeTrace(trainer, options.every, stdout);
	}

	const {network} = trainer;
	const written = writeRequestedFiles(trainer, options);
	if (options.json) {
		const result = {
			layers: network.layers,
			activation: network.activation,
			bias: network.bias,
			learningRate: trainer.learningRate,
			seed: trainer.seed,
			iterations: trainer.iteration,
			status: trainer.state,
			initialWeights,
			weights: network.getWeights(),
			error: network.loss,
			outputs: network.getOutputs(),
			finalError: network.evaluate(),
		};
		stdout.write(JSON.stringify(result) + '\n');
		// stdout holds the JSON alone: what happened to the files goes to stderr
		for (const line of written) {
			stderr.write(`descent: ${line}\n`);
		}
	} else if (options.every === undefined) {
		const outputs = network.getOutputs();
		const samples = options.spec.samples;
		const lines = [
			`descent: ${describeLayers(network.layers)}, ${network.activation}, ${network.bias ? 'bias' : 'no bias'}, learning rate ${trainer.learningRate}, seed ${trainer.seed}`,
			trainer.state === 'diverged'
				? `diverged at iteration ${formatCount(trainer.divergedAt!)}: the error or a weight is no longer a finite number (try a smaller --lr)`
				: `done: ${formatCount(trainer.iteration)} iterations${resumedAt > 0 ? ` (${formatCount(trainer.iteration - resumedAt)} of them after --load)` : ''} in ${(trainer.elapsed / 1000).toFixed(2)} s`,
			`error ${network.loss.toPrecision(6)} at the last iteration, ${network.evaluate().toPrecision(6)} with the final weights`,
			...outputs.slice(0, 8).map((predicted, s) => `  sample ${s + 1}: predicted ${predicted.map(p => p.toPrecision(6)).join(', ')}  target ${samples[s]!.t.join(', ')}`),
			...(outputs.length > 8 ? [`  … and ${outputs.length - 8} more samples (--json lists them all)`] : []),
			...written,
			`reproduce: descent --headless ${reproduceFlags(options, trainer.seed)}`,
		];
		stdout.write(lines.join('\n') + '\n');
	}

	return 0;
}

/** `iteration,error,predicted…` every `every` iterations, as the tutorial prints `predicted`. */
function writeTrace(trainer: Trainer, every: number, stdout: NodeJS.WritableStream): void {
	const {network} = trainer;
	const samples = network.sampleCount;
	const outputs = network.layers.at(-1)!;
	const columns =
		samples === 1
			? predictedColumns(outputs)
			: Array.from({length: samples}, (_, s) => predictedColumns(outputs, `predicted_s${s + 1}`)).flat();
	const lines: string[] = [['iteration', 'error', ...columns].join(',')];
	while (!trainer.finished) {
		trainer.step(every - (trainer.iteration % every));
		lines.push([trainer.iteration, network.loss, ...network.getOutputs().flat()].join(','));
		if (lines.length >= 4096) {
			stdout.write(lines.join('\n') + '\n');
			lines.length = 0;
		}
	}

	stdout.write(lines.join('\n') + '\n');
}

function progressBar(stderr: NodeJS.WritableStream, limit: number): (iteration: number) => void {
	let last = 0;
	return iteration => {
		const now = performance.now();
		if (now - last < 100) {
			return;
		}

		last = now;
		const width = 30;
		const done = Math.round((iteration / limit) * width);
		stderr.write(`\r[${'#'.repeat(done)}${' '.repeat(width - done)}] ${formatCount(iteration)} / ${formatCount(limit)} iterations`);
	};
}
