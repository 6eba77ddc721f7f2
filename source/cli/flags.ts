import {ACTIVATIONS, HIDDEN_ACTIVATION_NAMES} from '../core/maths/activations.js';
import {DATASET_NAMES, DEFAULT_SAMPLES, MAX_NOISE} from '../core/data/datasets.js';
import {parseFeatureList, type FeatureName} from '../core/data/features.js';
import {DEFAULT_DIGITS, PACKAGED_NAMES} from '../core/data/packaged.js';
import {INITIALISATIONS} from '../core/maths/initialisations.js';
import {LOSSES} from '../core/maths/losses.js';
import {OPTIMIZER_PARAMETERS, OPTIMIZERS} from '../core/maths/optimizers.js';
import {PRESETS, TUTORIAL} from '../core/presets.js';
import {MAX_SEED} from '../core/maths/random.js';
import type {Setup} from '../core/setup.js';
import {DEFAULT_GRID, MAX_GRID} from '../core/maths/surface.js';
import {InputError} from '../session/input-error.js';
import {DEFAULT_SPEED} from '../session/options.js';
import {between, choice, file, list, positive, whole, type Reader} from './values.js';

/**
 * Every flag, declared once: its help line, how its value is read and checked, and the
 * setting it sets. Parsing, --help, the types of the values and the reproduce line all
 * come from this list; the order here is the order of --help.
 */
export type Flag<Name extends string = string, Value = unknown> = {
	readonly name: Name;
	readonly group: string;
	/** The value's placeholder in --help; none for a switch. */
	readonly value?: string;
	readonly help: string;
	/** How the typed text becomes the value; a switch has none (its value is true, or false as --no-NAME). */
	readonly read?: Reader<Value>;
	/** The setting of the run it sets, copied as it is. */
	readonly setting?: keyof Setup;
	/** A switch that also has a --no- form. */
	readonly negatable?: boolean;
	/** Part of the flags that reproduce a run (false: it changes how the run is shown or kept, not its numbers). */
	readonly reproduces?: boolean;
	/** May be given again and again: each value is kept (the reader's lists are joined), not the last one only. */
	readonly repeats?: boolean;
};

export const flag = <const Name extends string, Value = boolean>(spec: Flag<Name, Value>) => spec;

const layers: Reader<number[]> = (text, name) => {
	const values = list(text, name);
	if (values.length < 2) {
		throw new InputError(`${name} ${text}: needs at least an input and an output layer, e.g. 3,2,1`);
	}

	const bad = values.find(n => !Number.isInteger(n) || n < 1);
	if (bad !== undefined) {
		throw new InputError(`${name} ${text}: every layer needs a whole number of neurons, at least 1 (got ${bad})`);
	}

	return values;
};

const features: Reader<FeatureName[]> = (text, name) => {
	const parsed = parseFeatureList(text);
	if (!Array.isArray(parsed)) {
		throw new InputError(`${name}: ${parsed.error}`);
	}

	return parsed;
};

const SPEEDS = 'a positive number of iterations a second, or max';
const speed: Reader<number> = (text, name) => {
	if (text === 'max') {
		return Number.POSITIVE_INFINITY;
	}

	// a word is not a number: the choices, not only what it is not
	return /^\s*[+-]?[\d.]/.test(text) ? positive(SPEEDS)(text, name) : failSpeed(text, name);
};

const failSpeed = (text: string, name: string): never => {
	throw new InputError(`${name}: '${text}' is not a speed: give ${SPEEDS}`);
};

/** Two weight names, as typed: which comma parts them is told by the network's names (W10,1 holds one). */
const weightPair: Reader<string> = (text, name) => {
	if (!text.includes(',')) {
		throw new InputError(`${name} ${text}: needs two weight names, as the weights table names them: W41,W42 or w2[1,1],w2[1,2]`);
	}

	return text;
};

const NETWORK = 'The network (default: --preset tutorial-3)';
const DATA = 'The data: one sample, a CSV, or a generated dataset';
const TRAINING = 'Training (the tutorial is the default of each)';
const DASHBOARD = 'Dashboard';
const HEADLESS = 'Headless';
const FILES = 'Files';

const atLeastZero = between(0, Number.MAX_VALUE, true, 'a number of at least 0');

/** Each optimizer's own parameter has its flag, declared by the optimizer's entry: `--momentum μ`. */
const parameterFlags = OPTIMIZER_PARAMETERS.map(({name, optimizer, symbol, min, max, range, default: value}) =>
	flag({
		name,
		group: TRAINING,
		value: symbol,
		help: `with --optimizer ${optimizer}: ${min} ≤ ${symbol} < ${max} (${value})`,
		read: between(min, max, false, range),
		setting: name,
	}),
);

export const FLAGS = [
	flag({name: 'preset', group: NETWORK, value: 'NAME', help: `a run: ${[...PRESETS.keys()].join(', ')}`, read: choice([...PRESETS.keys()], 'preset')}),
	flag({name: 'layers', group: NETWORK, value: 'N,N,...', help: 'neurons per layer, inputs first: 3,2,1', read: layers}),
	flag({
		name: 'activation',
		group: NETWORK,
		value: 'NAME',
		help: HIDDEN_ACTIVATION_NAMES.join(', '),
		read: choice(HIDDEN_ACTIVATION_NAMES, 'activation'),
		setting: 'activation',
	}),
	flag({
		name: 'output-activation',
		group: NETWORK,
		value: 'NAME',
		help: `the output layer's: ${ACTIVATIONS.names.join(', ')}`,
		read: choice(ACTIVATIONS.names, 'output activation'),
		setting: 'outputActivation',
	}),
	flag({name: 'bias', group: NETWORK, help: 'a bias on every non-input neuron (--no-bias: none)', setting: 'bias', negatable: true}),
	flag({
		name: 'loss',
		group: NETWORK,
		value: 'NAME',
		help: `${LOSSES.names.join(' or ')} (sigmoid/softmax outputs)`,
		read: choice(LOSSES.names, 'loss'),
		setting: 'loss',
	}),
	flag({name: 'inputs', group: DATA, value: 'X,X,...', help: "one sample's inputs: 0.1,0.4,4.1", read: list}),
	flag({name: 'target', group: DATA, value: 'T,...', help: 'its target, one value per output', read: list}),
	flag({name: 'data', group: DATA, value: 'FILE', help: 'CSV, a row per sample: inputs, then targets', read: file}),
	flag({
		name: 'dataset',
		group: DATA,
		value: 'NAME',
		help: [...DATASET_NAMES, ...PACKAGED_NAMES].join(', '),
		read: choice([...DATASET_NAMES, ...PACKAGED_NAMES], 'dataset'),
	}),
	flag({
		name: 'samples',
		group: DATA,
		value: 'N',
		help: `samples of --dataset (default ${DEFAULT_SAMPLES}; mnist ${DEFAULT_DIGITS})`,
		read: whole(2, 100_000),
	}),
	flag({
		name: 'noise',
		group: DATA,
		value: 'F',
		help: `noise of --dataset, 0 to ${MAX_NOISE} of its scale`,
		read: between(0, MAX_NOISE, true, `from 0 to ${MAX_NOISE}`),
	}),
	flag({name: 'data-seed', group: DATA, value: 'N', help: "--dataset's own seed (default 0)", read: whole(0, MAX_SEED)}),
	flag({name: 'features', group: DATA, value: 'LIST', help: 'inputs from 2 coordinates: x1,x2,x1^2,x1x2,sin(x1)…', read: features}),
	flag({
		name: 'test',
		group: DATA,
		value: 'F',
		help: 'fraction held out for testing, 0 < F < 1',
		read: between(0, 1, 'open', 'a fraction above 0 and below 1'),
		setting: 'test',
	}),
	flag({name: 'lr', group: TRAINING, value: 'RATE', help: `learning rate (${TUTORIAL.learningRate})`, read: positive(), setting: 'learningRate'}),
	flag({name: 'iterations', group: TRAINING, value: 'N', help: `stop after N iterations (${TUTORIAL.limit})`, read: whole(1), setting: 'limit'}),
	flag({
		name: 'seed',
		group: TRAINING,
		value: 'N',
		help: `numpy.random.seed(N), 0 to ${MAX_SEED}; random if left out`,
		read: whole(0, MAX_SEED),
		setting: 'seed',
	}),
	flag({name: 'batch', group: TRAINING, value: 'N', help: 'samples per update, shuffled each epoch (all)', read: whole(1), setting: 'batch'}),
	flag({
		name: 'optimizer',
		group: TRAINING,
		value: 'NAME',
		help: OPTIMIZERS.names.join(', '),
		read: choice(OPTIMIZERS.names, 'optimizer'),
		setting: 'optimizer',
	}),
	...parameterFlags,
	flag({name: 'l1', group: TRAINING, value: 'λ', help: 'L1 penalty on the weights (not biases)', read: atLeastZero, setting: 'l1'}),
	flag({name: 'l2', group: TRAINING, value: 'λ', help: 'L2 penalty on the weights (not biases)', read: atLeastZero, setting: 'l2'}),
	flag({
		name: 'init',
		group: TRAINING,
		value: 'NAME',
		help: `initial weights: ${INITIALISATIONS.names.join(', ')}`,
		read: choice(INITIALISATIONS.names, 'initialisation'),
		setting: 'init',
	}),
	flag({name: 'weights', group: TRAINING, value: 'FILE', help: 'initial weights by hand: JSON weights[l][j][i]', read: file}),
	flag({
		name: 'until-error',
		group: TRAINING,
		value: 'E',
		help: "stop once an iteration's error is at most E",
		read: atLeastZero,
		setting: 'untilError',
	}),
	flag({
		name: 'race',
		group: TRAINING,
		value: '"FLAGS"',
		help: 'twice or more: a lane each, the flags plus these',
		read: (text: string) => [text],
		reproduces: false,
		repeats: true,
	}),
	flag({name: 'paused', group: DASHBOARD, help: 'start paused at iteration 0', reproduces: false}),
	flag({name: 'speed', group: DASHBOARD, value: 'N|max', help: `iterations a second (${DEFAULT_SPEED})`, read: speed, reproduces: false}),
	flag({name: 'headless', group: HEADLESS, help: 'no dashboard: train, then print a summary', reproduces: false}),
	flag({name: 'json', group: HEADLESS, help: 'with --headless: one JSON object', reproduces: false}),
	flag({name: 'every', group: HEADLESS, value: 'N', help: 'with --headless: a CSV row every N iterations', read: whole(1), reproduces: false}),
	flag({
		name: 'surface',
		group: HEADLESS,
		value: 'A,B',
		help: 'with --json: the error over weights A and B (W41,W42)',
		read: weightPair,
		reproduces: false,
	}),
	flag({
		name: 'grid',
		group: HEADLESS,
		value: 'N',
		help: `--surface's values a side (${DEFAULT_GRID}, at most ${MAX_GRID})`,
		read: whole(2, MAX_GRID),
		reproduces: false,
	}),
	flag({name: 'explain', group: HEADLESS, value: 'N', help: 'iteration N worked out by hand (--json: as JSON)', read: whole(1), reproduces: false}),
	flag({name: 'save', group: FILES, value: 'FILE', help: 'checkpoint at the end (and on w)', read: file, reproduces: false}),
	flag({name: 'load', group: FILES, value: 'FILE', help: 'continue from a checkpoint', read: file}),
	flag({name: 'history', group: FILES, value: 'FILE', help: 'the error and outputs over time, CSV (and on e)', read: file, reproduces: false}),
	flag({name: 'export-data', group: FILES, value: 'FILE', help: 'write the samples as a --data CSV', read: file, reproduces: false}),
	flag({name: 'export-code', group: FILES, value: 'FILE', help: 'the run as a numpy script (and on P: from now)', read: file, reproduces: false}),
	flag({name: 'export-onnx', group: FILES, value: 'FILE', help: 'the trained network as ONNX (and on O)', read: file, reproduces: false}),
] as const;

export type FlagName = (typeof FLAGS)[number]['name'];

/** The value each flag gives, by name. */
export type FlagValues = {
	readonly [F in (typeof FLAGS)[number] as F['name']]?: F extends Flag<string, infer Value> ? Value : never;
};

export const FLAG_BY_NAME: ReadonlyMap<string, Flag> = new Map(FLAGS.map(spec => [spec.name, spec as Flag]));

/** The flag that sets a setting, for messages about settings (`--output-activation`). */
export function flagOfSetting(setting: keyof Setup): string {
	return `--${FLAGS.find(spec => (spec as Flag).setting === setting)?.name ?? setting}`;
}
