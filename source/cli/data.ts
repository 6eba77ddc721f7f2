import {DATASETS, DEFAULT_SAMPLES, generateDataset, type DatasetName} from '../core/data/datasets.js';
import {applyFeatures, type FeatureName} from '../core/data/features.js';
import {isPackagedName, PACKAGED, type PackagedName} from '../core/data/packaged.js';
import type {Sample} from '../core/data/samples.js';
import {csvColumns, parseSamplesCsv} from '../session/csv.js';
import {plural} from '../session/format.js';
import {InputError} from '../session/input-error.js';
import type {Plane} from '../session/options.js';
import type {FlagValues} from './flags.js';

/** The samples of a packaged dataset (iris, mnist), as the load step read them. */
export type PackagedSamples = {readonly name: PackagedName; readonly samples: readonly Sample[]};

/** Where the samples come from, and the layers around them. */
export type Data = {
	readonly layers: readonly number[];
	readonly samples: readonly Sample[];
	/** The input plane of 2-D (or 1-D) data, for the map. */
	readonly plane: Plane | undefined;
};

const neurons = (n: number) => `${n} neuron${n === 1 ? '' : 's'}`;

/**
 * The samples and the layers, from whichever of --data, --inputs/--target, --dataset or
 * the base (a preset or a checkpoint) gives them. Without --layers the base's hidden and
 * output layers stay and the input layer fits the data.
 */
export function resolveData(
	values: FlagValues,
	{csv, packaged}: {readonly csv?: string; readonly packaged?: PackagedSamples},
	base: {layers: readonly number[]; samples: readonly Sample[]; dataset?: DatasetName | PackagedName | undefined; plane?: Plane | undefined},
	oneHot: boolean,
): Data {
	const sources = (['data', 'inputs', 'dataset'] as const).filter(name => values[name] !== undefined);
	if (sources.length > 1 || (values.target !== undefined && (values.data !== undefined || values.dataset !== undefined))) {
		throw new InputError(`${sources.map(name => `--${name}`).join(' and ')}${values.target === undefined ? '' : ' and --target'}: give the samples one way`);
	}

	// a preset of a dataset generates it again when its samples, noise or seed change, or softmax wants one-hot targets
	const dataset = values.dataset ?? (sources.length === 0 && values.target === undefined ? base.dataset : undefined);
	const datasetOnly = (['samples', 'noise', 'data-seed'] as const).find(name => values[name] !== undefined);
	if (datasetOnly && dataset === undefined) {
		throw new InputError(`--${datasetOnly} goes with --dataset (or a dataset's preset)`);
	}

	const classes = dataset !== undefined && isPackagedName(dataset) ? PACKAGED[dataset].classes.length : undefined;
	const outputsWanted = values.layers?.at(-1) ?? classes ?? (dataset === undefined ? base.layers.at(-1)! : oneHot ? 2 : 1);
	let samples: readonly Sample[];
	let plane: Plane | undefined;
	if (dataset !== undefined && isPackagedName(dataset)) {
		samples = packagedSamples(dataset, packaged, values);
		plane = undefined;
	} else if (dataset !== undefined) {
		const {kind, range} = DATASETS[dataset];
		samples = generateDataset(dataset, {
			samples: values.samples ?? DEFAULT_SAMPLES,
			noise: values.noise ?? 0,
			dataSeed: values['data-seed'] ?? 0,
			oneHot: kind === 'classification' && outputsWanted === 2,
		});
		plane = {x1: range.x1, ...(range.x2 && {x2: range.x2}), features: undefined, coordinates: samples.map(sample => sample.x)};
	} else if (csv !== undefined) {
		const inputs = values.features ? 2 : (values.layers?.[0] ?? Math.max(1, csvColumns(csv) - outputsWanted));
		samples = parseSamplesCsv(csv, values.data!, inputs, outputsWanted);
		plane = inputs <= 2 ? planeOf(samples) : undefined;
	} else if (values.inputs !== undefined || values.target !== undefined) {
		const first = base.samples[0]!;
		samples = [{x: values.inputs ?? first.x, t: values.target ?? first.t}];
		plane = undefined;
	} else {
		samples = base.samples;
		// a checkpoint's own plane (its dataset's box, its features), else the box around the samples
		plane = base.plane ?? (base.layers[0]! <= 2 && base.samples.length > 1 ? planeOf(base.samples) : undefined);
	}

	if (values.features) {
		plane = {...(plane ?? planeOf(samples)), features: values.features};
		samples = withFeatures(samples, values.features);
	}

	const inputs = samples[0]!.x.length;
	const layers = values.layers ?? [inputs, ...base.layers.slice(1, -1), outputsWanted];
	checkFit(layers, samples, values);
	return {layers, samples, plane};
}

/** A packaged dataset's samples as the load step read them; what only a generated dataset has is refused. */
function packagedSamples(dataset: PackagedName, packaged: PackagedSamples | undefined, values: FlagValues): readonly Sample[] {
	const generatedOnly = (['noise', 'data-seed', 'features'] as const).find(name => values[name] !== undefined);
	if (generatedOnly) {
		throw new InputError(`--${generatedOnly} goes with a generated dataset; ${dataset} is real data from a package`);
	}

	if (packaged?.name !== dataset) {
		throw new Error(`the load step did not read ${dataset}`);
	}

	return packaged.samples;
}

function withFeatures(samples: readonly Sample[], features: readonly FeatureName[]): Sample[] {
	if (samples[0]!.x.length !== 2) {
		throw new InputError(`--features computes inputs from 2 coordinates, but the samples have ${samples[0]!.x.length} inputs`);
	}

	return applyFeatures(samples, features);
}

/** The box around 1-D or 2-D samples, a little larger, for the map. */
function planeOf(samples: readonly Sample[]): Plane {
	const extent = (i: number): readonly [number, number] => {
		const values = samples.map(sample => sample.x[i]!);
		const [low, high] = [Math.min(...values), Math.max(...values)];
		const margin = (high - low) * 0.05 || 0.5;
		return [low - margin, high + margin];
	};

	const x2 = samples[0]!.x.length >= 2 ? extent(1) : undefined;
	return {x1: extent(0), ...(x2 && {x2}), features: undefined, coordinates: samples.map(sample => sample.x)};
}

function checkFit(layers: readonly number[], samples: readonly Sample[], values: FlagValues): void {
	const [n0, nOut] = [layers[0]!, layers.at(-1)!];
	const bad = samples.find(sample => sample.x.length !== n0 || sample.t.length !== nOut);
	if (!bad) {
		return;
	}

	const shape = `layers ${layers.join(',')}`;
	if (values.inputs !== undefined && bad.x.length !== n0) {
		throw new InputError(`--inputs: ${plural(bad.x.length, 'value')}, but the input layer has ${neurons(n0)} (${shape})`);
	}

	if (values.target !== undefined && bad.t.length !== nOut) {
		throw new InputError(`--target: ${plural(bad.t.length, 'value')}, but the output layer has ${neurons(nOut)} (${shape})`);
	}

	const missing = bad.x.length === n0 ? `--target (${nOut} values)` : `--inputs (${n0} values)`;
	throw new InputError(
		`--layers ${layers.join(',')}: the samples have ${plural(bad.x.length, 'input')} and ${plural(bad.t.length, 'target')}; give ${missing}, --data or --dataset`,
	);
}
