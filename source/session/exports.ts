import {checkpointOf} from '../core/files/checkpoint.js';
import type {Trainer} from '../core/training/trainer.js';
import type {FeatureName} from '../core/data/features.js';
import {numpyScript} from './export-code.js';
import {writeFileAtomic} from './files.js';
import {InputError} from './input-error.js';
import type {Plane, RunOptions} from './options.js';

/** Column names of the outputs: `predicted` for one, `predicted_out1`, … for several. */
export function predictedColumns(outputs: number, prefix = 'predicted'): string[] {
	return outputs === 1 ? [prefix] : Array.from({length: outputs}, (_, k) => `${prefix}_out${k + 1}`);
}

/**
 * The error history as CSV, `iteration,error` and, for a full batch, the first sample's
 * predicted outputs. The first row is the run's first iteration, the last row its last;
 * between them a row per history bucket (every iteration until the history holds 1,024,
 * then the last iteration of each of 1,024 evenly spaced stretches), each row the values
 * of that exact iteration.
 */
export function historyCsv(trainer: Trainer): string {
	const errors = trainer.records.error.points();
	const outputs = trainer.schedule.fullBatch ? trainer.records.outputs.map(history => history.points()) : [];
	const header = ['iteration', 'error', ...predictedColumns(outputs.length)].join(',');
	const rows: string[] = [];
	const first = errors[0];
	if (first && first.iteration !== trainer.records.error.start) {
		rows.push([trainer.records.error.start, first.first, ...outputs.map(series => series[0]!.first)].join(','));
	}

	for (const [b, point] of errors.entries()) {
		rows.push([point.iteration, point.last, ...outputs.map(series => series[b]!.last)].join(','));
	}

	return [header, ...rows].join('\n') + '\n';
}

/** The checkpoint of the run as it is now, with the map's plane when the run has one. */
export function checkpointText(trainer: Trainer, plane?: Plane): string {
	const checkpoint = checkpointOf(trainer, plane);
	if ('problem' in checkpoint) {
		throw new InputError(checkpoint.problem);
	}

	return JSON.stringify(checkpoint) + '\n';
}

/** The files a run was asked to keep (`--save`, `--history`), written; a line each on what happened. */
export function writeRequested(
	trainer: Trainer,
	files: {readonly save?: string | undefined; readonly history?: string | undefined; readonly plane?: Plane | undefined},
): string[] {
	const lines: string[] = [];
	const write = (what: string, file: string | undefined, text: () => string) => {
		if (file === undefined) {
			return;
		}

		try {
			writeFileAtomic(file, text());
			lines.push(`wrote ${what} ${file} at iteration ${trainer.iteration.toLocaleString('en-US')}`);
		} catch (error) {
			lines.push(`${what} ${file} not written: ${error instanceof InputError ? error.message.replace(`${file}: `, '') : String(error)}`);
		}
	};

	write('checkpoint', files.save, () => checkpointText(trainer, files.plane));
	write('history', files.history, () => historyCsv(trainer));
	return lines;
}

/** What a key writes (w, e, P): its name in messages, the new file named after the run, its text. */
const KEY_FILES = {
	checkpoint: {what: 'checkpoint', file: (seed: number, at: number) => `descent-${seed}-${at}.json`, text: checkpointText},
	history: {what: 'history', file: (seed: number, at: number) => `descent-history-${seed}-${at}.csv`, text: historyCsv},
	code: {what: 'numpy script', file: (seed: number, at: number) => `descent-${seed}-${at}.py`, text: numpyScript},
} as const;

/** How many numbered names a key tries after the run's own (`descent-0-100-2.json` …) before giving up. */
const MAX_NUMBERED = 99;

/**
 * A new file named after the run, never overwriting one: when `first` is taken (a second w at
 * one iteration), the next free numbered name, and the line says so.
 */
function writeNew(what: string, first: string, content: string | Uint8Array, at: number): string {
	for (let k = 1; ; k++) {
		const named = k === 1 ? first : first.replace(/(\.[a-z]+)$/, `-${k}$1`);
		try {
			writeFileAtomic(named, content, {overwrite: false});
			return `wrote ${what} ${named} at iteration ${at.toLocaleString('en-US')}${k === 1 ? '' : ` (${first} exists)`}`;
		} catch (error) {
			if (!(error instanceof InputError && error.message === `${named} already exists; not overwritten`) || k > MAX_NUMBERED) {
				throw error;
			}
		}
	}
}

/** A key's export: to the file the user named (overwritten), or a new file named after the run (see writeNew). */
export function writeOnKey(kind: keyof typeof KEY_FILES, trainer: Trainer, file: string | undefined, plane?: Plane): string {
	const {what, file: fileOf, text} = KEY_FILES[kind];
	if (file === undefined) {
		return writeNew(what, fileOf(trainer.setup.seed, trainer.iteration), text(trainer, plane), trainer.iteration);
	}

	writeFileAtomic(file, text(trainer, plane), {overwrite: true});
	return `wrote ${what} ${file} at iteration ${trainer.iteration.toLocaleString('en-US')}`;
}

/**
 * The ONNX model of the weights as they are now: to `file` (overwritten), or a new file
 * named after the run (see writeNew). protobufjs is loaded here, when a model is written.
 */
export async function writeOnnx(trainer: Trainer, file: string | undefined, features: readonly FeatureName[] | undefined): Promise<string> {
	const at = {weights: trainer.network.weights.slice(), iteration: trainer.iteration};
	if (!at.weights.every(weight => Number.isFinite(weight))) {
		throw new InputError(`the weights at iteration ${at.iteration.toLocaleString('en-US')} are not all finite numbers (the run diverged)`);
	}

	const {onnxModel} = await import('./export-onnx.js');
	const model = onnxModel(trainer, features, at);
	if (file === undefined) {
		return writeNew('ONNX model', `descent-${trainer.setup.seed}-${at.iteration}.onnx`, model, at.iteration);
	}

	writeFileAtomic(file, model, {overwrite: true});
	return `wrote ONNX model ${file} at iteration ${at.iteration.toLocaleString('en-US')}`;
}

/** --export-onnx at the end of a run: what happened, as a line (never a throw). */
export async function writeOnnxRequested(trainer: Trainer, file: string, features: readonly FeatureName[] | undefined): Promise<string> {
	try {
		return await writeOnnx(trainer, file, features);
	} catch (error) {
		return `ONNX model ${file} not written: ${error instanceof InputError ? error.message.replace(`${file}: `, '') : String(error)}`;
	}
}

/** What a key writes: w, e, P, O. */
export type KeyFile = keyof typeof KEY_FILES | 'onnx';

const NAMES: Record<KeyFile, string> = {checkpoint: 'checkpoint', history: 'history', code: 'numpy script', onnx: 'ONNX model'};

/** A key's file, written from the run as it is now (to the file its flag named, or a new one): what happened, as a line (never a throw). */
export async function keyExport(what: KeyFile, trainer: Trainer, files: RunOptions): Promise<string> {
	try {
		// the ONNX model's weights are taken before its module loads; the other files are written at once
		return what === 'onnx'
			? await writeOnnx(trainer, files.onnx, files.plane?.features)
			: writeOnKey(what, trainer, {checkpoint: files.save, history: files.history, code: files.code}[what], files.plane);
	} catch (error) {
		return `${NAMES[what]} not written: ${error instanceof InputError ? error.message : String(error)}`;
	}
}

/** Every file the run was asked to keep at its end (--save, --history, --export-onnx): a line each. */
export async function writeAllRequested(trainer: Trainer, files: RunOptions): Promise<string[]> {
	const written = writeRequested(trainer, files);
	if (files.onnx !== undefined) {
		written.push(await writeOnnxRequested(trainer, files.onnx, files.plane?.features));
	}

	return written;
}
