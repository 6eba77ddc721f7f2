import {parseCheckpoint, type Checkpoint} from '../core/checkpoint.js';
import {InputError} from '../core/input-error.js';
import {ACTIVATIONS, type Activation, type NestedWeights, type NetworkSpec, type Sample} from '../core/network.js';
import {DEFAULT_PRESET, PRESETS} from '../core/presets.js';
import {MAX_SEED, randomSeed} from '../core/random.js';
import {checkWritable, csvColumns, parseSamplesCsv, readUserFile} from './files.js';
import type {FlagName, RawFlags} from './flags.js';

/** Everything a run needs, checked: the dashboard and headless mode take only this. */
export type Options = {
	readonly spec: NetworkSpec;
	readonly presetName: string;
	readonly learningRate: number;
	readonly iterations: number;
	readonly seed: number;
	readonly resume?: {readonly weights: NestedWeights; readonly iteration: number};
	readonly headless: boolean;
	readonly json: boolean;
	readonly every?: number;
	readonly paused: boolean;
	/** Iterations per second in the dashboard; Infinity for `max`. */
	readonly speed: number;
	readonly save?: string;
	readonly load?: string;
	readonly history?: string;
	/** The flags that were given, and the CSV, to write the flags that reproduce a run. */
	readonly given: ReadonlySet<FlagName>;
	readonly dataFile?: string;
};

/** Lets a person watch tutorial-3's 80,000 iterations in about 8 seconds. */
export const DEFAULT_SPEED = 10_000;
// a bound on memory: 10 million weights are 80 MB per buffer
const MAX_WEIGHTS = 10_000_000;

function parseNumber(flag: string, text: string): number {
	const value = text.trim() === '' ? Number.NaN : Number(text);
	if (!Number.isFinite(value)) {
		throw new InputError(`--${flag}: '${text}' is not a number`);
	}

	return value;
}

function parseList(flag: string, text: string): number[] {
	if (text.trim() === '') {
		throw new InputError(`--${flag} needs a comma-separated list of numbers`);
	}

	return text.split(',').map(cell => parseNumber(flag, cell.trim()));
}

function parseWhole(flag: string, text: string, min: number, max: number): number {
	const value = parseNumber(flag, text);
	if (!Number.isInteger(value) || value < min || value > max) {
		throw new InputError(`--${flag}: '${text}' must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`);
	}

	return value;
}

function parseLayers(text: string): number[] {
	const layers = parseList('layers', text);
	if (layers.length < 2) {
		throw new InputError(`--layers ${text}: needs at least an input and an output layer, e.g. 3,2,1`);
	}

	const bad = layers.find(n => !Number.isInteger(n) || n < 1);
	if (bad !== undefined) {
		throw new InputError(`--layers ${text}: every layer needs a whole number of neurons, at least 1 (got ${bad})`);
	}

	return layers;
}

const neurons = (n: number) => `${n} neuron${n === 1 ? '' : 's'}`;
const sameLayers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((n, k) => n === b[k]);

/** Turns flags into Options, or throws an InputError naming the flag and what is wrong. */
export function resolveOptions(flags: RawFlags, given: ReadonlySet<FlagName>): Options {
	const text = (name: FlagName) => (given.has(name) ? String(flags[name] ?? '') : undefined);
	const presetName = text('preset') ?? DEFAULT_PRESET;
	const preset = PRESETS[presetName];
	if (!preset) {
		throw new InputError(`--preset: unknown preset '${presetName}' (choose ${Object.keys(PRESETS).join(', ')})`);
	}

	const load = text('load');
	const checkpoint: Checkpoint | undefined = load === undefined ? undefined : parseCheckpoint(readUserFile(load, '--load'), `--load ${load}`);
	const base = checkpoint ?? preset;

	const activationText = text('activation');
	if (activationText !== undefined && !ACTIVATIONS.includes(activationText as Activation)) {
		throw new InputError(`--activation: unknown activation '${activationText}' (choose ${ACTIVATIONS.join(', ')})`);
	}

	const activation = (activationText as Activation | undefined) ?? base.activation;
	const bias = given.has('bias') ? Boolean(flags.bias) : base.bias;
	const layersText = text('layers');
	const inputsText = text('inputs');
	const targetText = text('target');
	const dataFile = text('data');
	if (dataFile !== undefined && (inputsText !== undefined || targetText !== undefined)) {
		throw new InputError('--data gives every sample: leave out --inputs and --target');
	}

	const inputs = inputsText === undefined ? undefined : parseList('inputs', inputsText);
	const target = targetText === undefined ? undefined : parseList('target', targetText);
	const dataText = dataFile === undefined ? undefined : readUserFile(dataFile, '--data');

	// without --layers, the data sizes the input layer and the rest comes from the preset
	let layers: number[];
	if (layersText !== undefined) {
		layers = parseLayers(layersText);
	} else if (checkpoint) {
		layers = [...checkpoint.layers];
	} else {
		const rest = preset.layers.slice(1);
		const n0 = inputs?.length ?? (dataText === undefined ? preset.layers[0]! : Math.max(1, csvColumns(dataText) - rest.at(-1)!));
		layers = [n0, ...rest];
	}

	if (checkpoint) {
		const disagree = (what: string, flag: string, ours: string) => {
			throw new InputError(`--load ${load}: the checkpoint's ${what} disagrees with ${flag}${ours === '' ? '' : ` ${ours}`}`);
		};

		if (!sameLayers(layers, checkpoint.layers)) {
			disagree(`layers ${checkpoint.layers.join(',')}`, '--layers', layers.join(','));
		}

		if (bias !== checkpoint.bias) {
			disagree(checkpoint.bias ? 'bias' : 'lack of bias', bias ? '--bias' : '--no-bias', '');
		}

		if (activation !== checkpoint.activation) {
			disagree(`activation ${checkpoint.activation}`, '--activation', activation);
		}
	}

	const weightCount = layers.slice(1).reduce((sum, n, l) => sum + n * (layers[l]! + (bias ? 1 : 0)), 0);
	if (weightCount > MAX_WEIGHTS) {
		throw new InputError(`--layers ${layers.join(',')}: ${weightCount.toLocaleString('en-US')} weights, more than the ${MAX_WEIGHTS.toLocaleString('en-US')} descent handles`);
	}

	const n0 = layers[0]!;
	const nOut = layers.at(-1)!;
	if (inputs && inputs.length !== n0) {
		throw new InputError(`--inputs: ${inputs.length} values, but the input layer has ${neurons(n0)} (layers ${layers.join(',')})`);
	}

	if (target && target.length !== nOut) {
		throw new InputError(`--target: ${target.length} values, but the output layer has ${neurons(nOut)} (layers ${layers.join(',')})`);
	}

	let samples: readonly Sample[];
	if (dataText !== undefined) {
		samples = parseSamplesCsv(dataText, dataFile!, n0, nOut);
	} else {
		const first = base.samples[0]!;
		const x = inputs ?? first.x;
		const t = target ?? first.t;
		const oneSample = inputs !== undefined || target !== undefined;
		samples = oneSample ? [{x, t}] : base.samples;
		const bad = samples.find(s => s.x.length !== n0 || s.t.length !== nOut);
		if (bad) {
			const source = checkpoint ? `--load ${load}` : `--preset ${presetName}`;
			const missing = bad.x.length === n0 ? `--target (${nOut} values)` : `--inputs (${n0} values)`;
			throw new InputError(`--layers ${layers.join(',')}: the samples of ${source} do not fit; give ${missing} or --data`);
		}
	}

	const lrText = text('lr');
	const learningRate = lrText === undefined ? base.learningRate : parseNumber('lr', lrText);
	if (!(learningRate > 0)) {
		throw new InputError(`--lr: '${lrText}' must be a positive number`);
	}

	const iterationsText = text('iterations');
	const iterations =
		iterationsText === undefined
			? (checkpoint?.iterations ?? preset.iterations)
			: parseWhole('iterations', iterationsText, 1, Number.MAX_SAFE_INTEGER);
	// a resumed run counts on from the checkpoint: a limit not beyond it leaves nothing to train
	if (checkpoint && iterations <= checkpoint.iteration) {
		const at = checkpoint.iteration.toLocaleString('en-US');
		throw new InputError(
			iterationsText === undefined
				? `--load ${load}: the checkpoint's run ended at its limit, iteration ${at}; give --iterations above that to train on`
				: `--iterations ${iterationsText}: the checkpoint ${load} is at iteration ${at} already; give more to train on`,
		);
	}

	const seedText = text('seed');
	const seed = seedText === undefined ? (checkpoint?.seed ?? randomSeed()) : parseWhole('seed', seedText, 0, MAX_SEED);

	const speedText = text('speed');
	let speed = DEFAULT_SPEED;
	if (speedText !== undefined) {
		speed = speedText === 'max' ? Number.POSITIVE_INFINITY : parseNumber('speed', speedText);
		if (!(speed > 0)) {
			throw new InputError(`--speed: '${speedText}' must be a positive number of iterations per second, or max`);
		}
	}

	const everyText = text('every');
	const every = everyText === undefined ? undefined : parseWhole('every', everyText, 1, Number.MAX_SAFE_INTEGER);
	const headless = Boolean(flags.headless);
	const json = Boolean(flags.json);
	if ((json || every !== undefined) && !headless) {
		throw new InputError(`--${json ? 'json' : 'every'} goes with --headless`);
	}

	if (json && every !== undefined) {
		throw new InputError('--json and --every both write to stdout: choose one');
	}

	const save = text('save');
	const history = text('history');
	for (const [flag, file] of [
		['--save', save],
		['--history', history],
	] as const) {
		if (file !== undefined) {
			if (file.trim() === '') {
				throw new InputError(`${flag} needs a file name`);
			}

			checkWritable(file, flag);
		}
	}

	const spec: NetworkSpec = {layers, activation, bias, samples};
	const resume = checkpoint && {weights: checkpoint.weights, iteration: checkpoint.iteration};
	return {
		spec,
		presetName,
		learningRate,
		iterations,
		seed,
		...(resume && {resume}),
		headless,
		json,
		...(every !== undefined && {every}),
		paused: Boolean(flags.paused),
		speed,
		...(save !== undefined && {save}),
		...(load !== undefined && {load}),
		...(history !== undefined && {history}),
		given,
		...(dataFile !== undefined && {dataFile}),
	};
}

/** The shortest flags that give the same network and data, with this seed and learning rate. */
export function reproduceFlags(options: Options, seed = options.seed, learningRate = options.learningRate): string {
	const {given, presetName, spec, iterations, load, dataFile} = options;
	const parts: string[] = [];
	if (load !== undefined) {
		parts.push(`--load ${load}`);
	} else if (presetName !== DEFAULT_PRESET) {
		parts.push(`--preset ${presetName}`);
	}

	if (given.has('layers')) {
		parts.push(`--layers ${spec.layers.join(',')}`);
	}

	if (given.has('activation')) {
		parts.push(`--activation ${spec.activation}`);
	}

	if (given.has('bias')) {
		parts.push(spec.bias ? '--bias' : '--no-bias');
	}

	if (dataFile !== undefined) {
		parts.push(`--data ${dataFile}`);
	} else {
		if (given.has('inputs')) {
			parts.push(`--inputs ${spec.samples[0]!.x.join(',')}`);
		}

		if (given.has('target')) {
			parts.push(`--target ${spec.samples[0]!.t.join(',')}`);
		}
	}

	if (given.has('lr') || learningRate !== options.learningRate) {
		parts.push(`--lr ${learningRate}`);
	}

	if (given.has('iterations')) {
		parts.push(`--iterations ${iterations}`);
	}

	parts.push(`--seed ${seed}`);
	return parts.join(' ');
}
