import {OPTIMIZER_PARAMETERS} from '../core/maths/optimizers.js';
import {PACKAGED} from '../core/data/packaged.js';
import type {Resume} from '../core/files/checkpoint.js';
import {DEFAULT_GRID} from '../core/maths/surface.js';
import {DEFAULT_PRESET, PRESETS} from '../core/presets.js';
import type {Setup} from '../core/setup.js';
import {nestedShapeProblem, shapeOf, weightCount, type NestedWeights} from '../core/shape.js';
import {setupProblem} from '../core/validate.js';
import {InputError} from '../session/input-error.js';
import {DEFAULT_SPEED, type RunOptions} from '../session/options.js';
import {resolveData, type PackagedSamples} from './data.js';
import {surfaceOption, type SurfaceOption} from './surface.js';
import {FLAGS, flagOfSetting, type Flag} from './flags.js';
import type {Parsed} from './parse.js';

/** What the command line asks for, checked: the dashboard, headless and --explain take only this. */
export type Options = {
	readonly run: RunOptions;
	readonly headless: boolean;
	readonly json: boolean;
	readonly every?: number;
	readonly explain?: number;
	readonly exportData?: string;
	/** `--surface A,B`: the two weights by flat index, and `--grid`'s values a side. */
	readonly surface?: SurfaceOption;
	/** The command line as read: for the flags that reproduce the run. */
	readonly parsed: Parsed;
};

/** What the effects step read: files, and a seed picked for a run started without one. */
export type Loaded = {
	readonly checkpoint?: Resume;
	/** The text of --data. */
	readonly csv?: string;
	/** --weights, parsed as JSON. */
	readonly weights?: unknown;
	/** The samples of a packaged dataset (iris, mnist), when the run asks for one. */
	readonly packaged?: PackagedSamples;
	readonly randomSeed: number;
};

/** The checkpoint's state to go on from: `--lr` given with `--load` sets the rate from the loaded iteration on (a continuable setting, as --iterations). */
function resumed(checkpoint: Resume, learningRate: number | undefined): Resume['state'] {
	return learningRate === undefined ? checkpoint.state : {...checkpoint.state, learningRate};
}

/** A bound on memory: 10 million weights are 80 MB per buffer. */
export const MAX_WEIGHTS = 10_000_000;
/** Settings a checkpoint's run may change as it goes on. */
const CONTINUABLE = new Set<keyof Setup>(['learningRate', 'limit', 'untilError']);

/**
 * Options from the parsed flags and the loaded files: pure, so that every error case is a
 * unit test. Starts from the preset (or the checkpoint), applies each setting flag as
 * declared, resolves the data and layers, then checks what only the whole can tell.
 */
export function buildOptions(parsed: Parsed, loaded: Loaded): Options {
	const {values} = parsed;
	const preset = PRESETS.get(values.preset ?? DEFAULT_PRESET)!;
	const presetSamples = preset.dataset !== undefined && loaded.packaged?.name === preset.dataset ? loaded.packaged.samples : preset.setup.samples;
	const base = loaded.checkpoint?.setup ?? {...preset.setup, samples: presetSamples, seed: loaded.randomSeed};
	const settings: Record<string, unknown> = {...base};
	for (const spec of FLAGS as readonly Flag[]) {
		const value = values[spec.name as keyof typeof values];
		if (spec.setting === undefined || value === undefined) {
			continue;
		}

		if (loaded.checkpoint && !CONTINUABLE.has(spec.setting) && value !== base[spec.setting]) {
			throw new InputError(
				`--load ${values.load}: the checkpoint's ${spec.setting} is ${JSON.stringify(base[spec.setting])}; --${spec.name} ${String(parsed.given.get(spec.name as never))} disagrees`,
			);
		}

		settings[spec.setting] = value;
	}

	// --activation is every non-input layer's when the start has one activation throughout (the tutorial's); --output-activation sets the output's apart
	if (!loaded.checkpoint && values.activation !== undefined && values['output-activation'] === undefined && base.outputActivation === base.activation) {
		settings['outputActivation'] = values.activation;
	}

	const oneHot = settings['outputActivation'] === 'softmax';
	if (loaded.checkpoint && (values.layers || values.inputs || values.target || values.data || values.dataset || values.features)) {
		throw new InputError(
			`--load ${values.load}: the checkpoint holds its layers and samples; leave out --layers, --inputs, --target, --data, --dataset and --features`,
		);
	}

	const data = resolveData(values, loaded, {...base, dataset: loaded.checkpoint ? undefined : preset.dataset, plane: loaded.checkpoint?.plane}, oneHot);
	const setup = {
		...(settings as unknown as Setup),
		layers: data.layers,
		samples: data.samples,
		...weightsOf(loaded.weights, data.layers, settings['bias'] as boolean, values.weights),
	};
	checkSetup(setup, parsed);
	checkModes(parsed);
	checkResume(loaded.checkpoint, setup, values.load, parsed.given.has('iterations'), !values.headless && values.explain === undefined);
	const run: RunOptions = {
		setup,
		...(loaded.checkpoint && {resume: resumed(loaded.checkpoint, parsed.given.has('lr') ? setup.learningRate : undefined)}),
		paused: values.paused ?? false,
		speed: values.speed ?? DEFAULT_SPEED,
		...(values.save !== undefined && {save: values.save}),
		...(values.history !== undefined && {history: values.history}),
		...(values['export-code'] !== undefined && {code: values['export-code']}),
		...(values['export-onnx'] !== undefined && {onnx: values['export-onnx']}),
		...(data.plane && {plane: data.plane}),
		...(loaded.packaged && data.samples === loaded.packaged.samples && {packaged: PACKAGED[loaded.packaged.name]}),
	};
	return {
		run,
		headless: values.headless ?? false,
		json: values.json ?? false,
		...(values.every !== undefined && {every: values.every}),
		...(values.explain !== undefined && {explain: values.explain}),
		...(values['export-data'] !== undefined && {exportData: values['export-data']}),
		...(values.surface !== undefined && {surface: surfaceOption(values.surface, setup, values.grid ?? DEFAULT_GRID)}),
		parsed,
	};
}

function weightsOf(weights: unknown, layers: readonly number[], bias: boolean, file: string | undefined): {weights?: NestedWeights} {
	if (weights === undefined) {
		return {};
	}

	const source = typeof weights === 'object' && weights !== null && 'weights' in weights ? weights.weights : weights;
	const problem = nestedShapeProblem(shapeOf(layers, bias), source);
	if (problem !== undefined) {
		throw new InputError(`--weights ${file}: ${problem}`);
	}

	return {weights: source as NestedWeights};
}

function checkSetup(setup: Setup, parsed: Parsed): void {
	const count = weightCount(setup.layers, setup.bias);
	if (count > MAX_WEIGHTS) {
		throw new InputError(
			`--layers ${setup.layers.join(',')}: ${count.toLocaleString('en-US')} weights, more than the ${MAX_WEIGHTS.toLocaleString('en-US')} descent handles`,
		);
	}

	const problem = setupProblem(setup, flagOfSetting);
	if (problem !== undefined) {
		throw new InputError(problem);
	}

	// an optimizer's own parameter (momentum's μ) has its flag of the same name
	for (const {name, optimizer} of OPTIMIZER_PARAMETERS) {
		if (parsed.values[name] !== undefined && setup.optimizer !== optimizer) {
			throw new InputError(`--${name} goes with --optimizer ${optimizer}`);
		}
	}
}

function checkModes(parsed: Parsed): void {
	const {values} = parsed;
	if (values.json && !values.headless && values.explain === undefined) {
		throw new InputError('--json goes with --headless or --explain');
	}

	if (values.every !== undefined && !values.headless) {
		throw new InputError('--every goes with --headless');
	}

	if (values.json && values.every !== undefined) {
		throw new InputError('--json and --every both write to stdout: choose one');
	}

	if ((values.surface !== undefined && (!values.json || !values.headless)) || (values.grid !== undefined && values.surface === undefined)) {
		throw new InputError(values.surface === undefined ? '--grid goes with --surface' : '--surface goes with --headless --json');
	}

	if (values.explain !== undefined && (values.every !== undefined || values.headless)) {
		throw new InputError('--explain prints one iteration worked out and trains nothing more: leave out --headless and --every');
	}
}

/**
 * A resumed run counts on from the checkpoint: a limit not beyond it leaves nothing to train.
 * The dashboard opens a finished run's checkpoint to look at (paused at its end); one past
 * its own limit (edited by hand) has no end to open at.
 */
function checkResume(checkpoint: Resume | undefined, setup: Setup, file: string | undefined, limitGiven: boolean, dashboard: boolean): void {
	const iteration = checkpoint?.state.iteration ?? 0;
	if (!checkpoint || setup.limit > iteration || (dashboard && !limitGiven && setup.limit === iteration)) {
		return;
	}

	const [at, limit] = [iteration, setup.limit].map(n => n.toLocaleString('en-US'));
	throw new InputError(
		limitGiven
			? `--iterations ${setup.limit}: the checkpoint ${file} is at iteration ${at} already; give more to train on`
			: setup.limit < iteration
				? `--load ${file}: the checkpoint is at iteration ${at}, past its run's limit of ${limit} iterations; give --iterations above ${at} to train on`
				: `--load ${file}: the checkpoint's run ended at its limit, iteration ${at}; give --iterations above that to train on (the dashboard, without --headless, opens it to look at)`,
	);
}
