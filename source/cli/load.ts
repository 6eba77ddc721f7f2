import {isPackagedName} from '../core/data/packaged.js';
import {parseCheckpoint} from '../core/files/checkpoint.js';
import {DEFAULT_PRESET, PRESETS} from '../core/presets.js';
import {randomSeed} from '../core/maths/random.js';
import {checkWritable, readUserFile} from '../session/files.js';
import {InputError} from '../session/input-error.js';
import type {Loaded} from './build.js';
import {loadPackaged} from './packaged.js';
import type {Parsed} from './parse.js';

/**
 * The effects between parsing and building: reads the files the flags name, checks that
 * the files to write can be written (before any training, so nothing is lost at the end),
 * and picks a seed for a run started without one.
 */
export function loadFiles({values}: Parsed): Loaded {
	for (const name of ['save', 'history', 'export-data', 'export-code', 'export-onnx'] as const) {
		const file = values[name];
		if (file !== undefined) {
			checkWritable(file, `--${name}`);
		}
	}

	let checkpoint: Loaded['checkpoint'];
	if (values.load !== undefined) {
		const read = parseCheckpoint(readUserFile(values.load, '--load'));
		if ('problem' in read) {
			throw new InputError(`--load ${values.load}: ${read.problem}`);
		}

		checkpoint = read;
	}

	let weights: unknown;
	if (values.weights !== undefined) {
		try {
			weights = JSON.parse(readUserFile(values.weights, '--weights'));
		} catch (error) {
			throw error instanceof InputError
				? error
				: new InputError(`--weights ${values.weights}: not JSON (expected {"weights": [[[…]]]} or the nested list itself)`);
		}
	}

	return {
		...(checkpoint && {checkpoint}),
		...packagedOf(values),
		...(values.data !== undefined && {csv: readUserFile(values.data, '--data')}),
		...(weights !== undefined && {weights}),
		randomSeed: randomSeed(),
	};
}

/**
 * A packaged dataset's samples, read only when it is asked for: by --dataset, or by its
 * preset unless a checkpoint or --data gives the samples (--inputs or --target alone
 * take the rest from the preset's first sample).
 */
function packagedOf(values: Parsed['values']): Pick<Loaded, 'packaged'> {
	const fromPreset = values.load === undefined && values.data === undefined;
	const name = values.dataset ?? (fromPreset ? PRESETS.get(values.preset ?? DEFAULT_PRESET)!.dataset : undefined);
	return name !== undefined && isPackagedName(name) ? {packaged: {name, samples: loadPackaged(name, values.samples)}} : {};
}
