import {registry} from './registry.js';

/** What an optimizer keeps between iterations: per-weight buffers and Adam's step count. */
export type OptimizerState = {
	/** One Float64Array per name in the optimizer's `buffers`, a value per weight. */
	readonly buffers: Record<string, Float64Array>;
	/** Updates made so far (Adam's t). */
	step: number;
	/** Adam's bias corrections for this step: 1 − 0.9^t and 1 − 0.999^t. */
	correction1: number;
	correction2: number;
	/** The value of the optimizer's own parameter (momentum's μ); 0 when it has none. */
	readonly parameter: number;
};

/**
 * An optimizer's own hyper-parameter (momentum's μ), declared in its entry: everything else
 * comes from here: its flag (`--NAME SYMBOL`, with the optimizer only), its key in the run's
 * setup, a checkpoint and the JSON (every run holds each, the default where not chosen), the
 * checkpoint reader's check, its race lanes, and the constant its numpy code reads (NAME
 * upper-cased, `MOMENTUM`).
 */
export type OptimizerParameter<Name extends string = string> = {
	readonly name: Name;
	/** How formulas and --help write it: `μ`. */
	readonly symbol: string;
	/** The tutorial's value: what a run holds unless its flag sets it. */
	readonly default: number;
	/** Its values: from `min` (included) up to `max` (not included). */
	readonly min: number;
	readonly max: number;
	/** The same in words, for a value out of it: `from 0 up to (not including) 1`. */
	readonly range: string;
};

/** An entry's parameter, its name kept as typed (`parameter({name: 'momentum', …})`) so that a setup has a field of that name. */
const parameter = <const Name extends string>(declared: OptimizerParameter<Name>) => declared;

/**
 * The optimizers: how a weight's gradient becomes its change. The only place their maths
 * is written. `change` is called once per weight per iteration, after `begin`.
 */
export type Optimizer = {
	readonly name: string;
	readonly description: string;
	/** The update in the tutorial's words. */
	readonly formula: string;
	/** Its last step, which gives the change the weights table shows. */
	readonly changeFormula: string;
	/** Per-weight buffers it keeps, all starting at 0. */
	readonly buffers: readonly string[];
	/** Once per iteration, before the changes. */
	readonly begin: (state: OptimizerState) => void;
	/** The change of weight k from its gradient (penalty included). */
	readonly change: (state: OptimizerState, k: number, gradient: number, learningRate: number) => number;
	/** After an update: how weight k's change was made, step by step, with the values it holds now. */
	readonly steps: (state: OptimizerState, k: number) => readonly OptimizerStep[];
	/**
	 * The same update in numpy, for the exported script (session/export-code.ts): lines run
	 * once per iteration (`begin`), and lines that set `change` for weight layer `l` from
	 * `gradient` and `learning_rate`, its buffers being lists of arrays named as `buffers`.
	 */
	readonly numpy: {readonly begin: readonly string[]; readonly change: readonly string[]};
	/** Its own hyper-parameter, whose value `change` reads as `state.parameter`; it is named with its value among the run's choices. */
	readonly parameter?: OptimizerParameter;
	/** Learning rates that move a weight visibly in one update: an exercise worked by hand draws one (session/exercise/draw.ts). */
	readonly exerciseRates: readonly number[];
	/** It counts its updates (Adam's t): --explain reports the count. */
	readonly counted?: true;
	/** How --explain writes one weight's update, from its numbers already written. */
	readonly explain: (update: UpdateWritten) => readonly string[];
};

/** One weight's update, its numbers written as --explain writes them (operands in brackets when negative). */
export type UpdateWritten = {
	/** The weight's name: `W1`, `w2[1,1]`. */
	readonly name: string;
	readonly learningRate: string;
	/** The value of its own parameter. */
	readonly parameter: string;
	readonly step: number;
	readonly gradient: string;
	/** A buffer's value for this weight before the update, by the buffer's name. */
	readonly before: (buffer: string) => string;
	/** Its steps (`steps`): formula, value, and value as an operand. */
	readonly steps: readonly {readonly formula: string; readonly value: string; readonly operand: string}[];
	readonly changeFormula: string;
	readonly change: string;
	readonly changeOperand: string;
	readonly weight: string;
	readonly newWeight: string;
	/** `a = b = c`, a part equal to the one before it left out. */
	readonly equation: (...parts: string[]) => string;
};

/** `W1 = 0.5 + (−0.0003) = 0.4997`: the new weight from the change. */
const updated = (u: UpdateWritten) => u.equation(u.name, `${u.weight} + ${u.changeOperand}`, u.newWeight);

/** One line of an optimizer's working: `v = μ·v − lr·gradient` and the value it gave. */
export type OptimizerStep = {readonly formula: string; readonly value: number};

// the literals as numpy's listing writes them: 1 − 0.9 is not 0.1 in floating point
export const ADAM = {beta1: 0.9, oneMinusBeta1: 0.1, beta2: 0.999, oneMinusBeta2: 0.001, epsilon: 1e-8} as const;

const ENTRIES = {
	sgd: {
		description: 'w − lr · gradient, the tutorial’s',
		formula: 'change = −lr · gradient',
		changeFormula: 'change = −lr · gradient',
		exerciseRates: [0.5, 1, 2],
		buffers: [],
		begin() {},
		change: (_state: OptimizerState, _k: number, gradient: number, learningRate: number) => -learningRate * gradient,
		steps: () => [],
		numpy: {begin: [], change: ['change = -learning_rate * gradient']},
		explain: (u: UpdateWritten) => [`- ${u.equation(u.name, `${u.name} − lr·gradient`, `${u.weight} − ${u.learningRate}·${u.gradient}`, u.newWeight)}`],
	},
	momentum: {
		description: 'v = μ·v − lr·gradient; w + v',
		formula: 'v = μ · v − lr · gradient; change = v',
		changeFormula: 'change = v',
		exerciseRates: [0.5, 1, 2],
		buffers: ['velocity'],
		begin() {},
		change(state: OptimizerState, k: number, gradient: number, learningRate: number) {
			const velocity = state.buffers['velocity']!;
			const v = state.parameter * velocity[k]! - learningRate * gradient;
			velocity[k] = v;
			return v;
		},
		steps: (state: OptimizerState, k: number) => [{formula: `v = ${state.parameter}·v − lr·gradient`, value: state.buffers['velocity']![k]!}],
		numpy: {begin: [], change: ['velocity[l] = MOMENTUM * velocity[l] - learning_rate * gradient  # v = μ·v − lr·gradient', 'change = velocity[l]']},
		parameter: parameter({name: 'momentum', symbol: 'μ', default: 0.9, min: 0, max: 1, range: 'from 0 up to (not including) 1'}),
		explain: (u: UpdateWritten) => [
			`- ${u.name}: ${u.equation(u.steps[0]!.formula, `${u.parameter}·${u.before('velocity')} − ${u.learningRate}·${u.gradient}`, u.change)}; ${updated(u)}`,
		],
	},
	adam: {
		description: 'Adam (0.9, 0.999, 1e-8)',
		formula: 'm = 0.9·m + 0.1·g; v = 0.999·v + 0.001·g²; change = −lr · m̂ / (√v̂ + 1e-8)',
		changeFormula: 'change = −lr · m̂ / (√v̂ + 1e-8)',
		exerciseRates: [0.01, 0.02, 0.05, 0.1], // its change is about lr itself
		buffers: ['m', 'v'],
		begin(state: OptimizerState) {
			state.step++;
			state.correction1 = 1 - ADAM.beta1 ** state.step;
			state.correction2 = 1 - ADAM.beta2 ** state.step;
		},
		change(state: OptimizerState, k: number, gradient: number, learningRate: number) {
			const m = state.buffers['m']!;
			const v = state.buffers['v']!;
			const mk = ADAM.beta1 * m[k]! + ADAM.oneMinusBeta1 * gradient;
			const vk = ADAM.beta2 * v[k]! + ADAM.oneMinusBeta2 * (gradient * gradient);
			m[k] = mk;
			v[k] = vk;
			return -((learningRate * (mk / state.correction1)) / (Math.sqrt(vk / state.correction2) + ADAM.epsilon));
		},
		steps(state: OptimizerState, k: number) {
			const m = state.buffers['m']![k]!;
			const v = state.buffers['v']![k]!;
			return [
				{formula: 'm = 0.9·m + 0.1·gradient', value: m},
				{formula: 'v = 0.999·v + 0.001·gradient²', value: v},
				{formula: `m̂ = m / (1 − 0.9^${state.step})`, value: m / state.correction1},
				{formula: `v̂ = v / (1 − 0.999^${state.step})`, value: v / state.correction2},
			];
		},
		numpy: {
			begin: ["step += 1  # Adam's t", 'correction1 = 1 - 0.9**step', 'correction2 = 1 - 0.999**step'],
			change: [
				'm[l] = 0.9 * m[l] + 0.1 * gradient',
				'v[l] = 0.999 * v[l] + 0.001 * (gradient * gradient)',
				'm_hat = m[l] / correction1',
				'v_hat = v[l] / correction2',
				'change = -((learning_rate * m_hat) / (np.sqrt(v_hat) + 1e-8))',
			],
		},
		counted: true,
		explain(u: UpdateWritten) {
			const [m, v, mHat, vHat] = u.steps.map(step => step.operand) as [string, string, string, string];
			const values = [
				`${ADAM.beta1}·${u.before('m')} + ${ADAM.oneMinusBeta1}·${u.gradient}`,
				`${ADAM.beta2}·${u.before('v')} + ${ADAM.oneMinusBeta2}·${u.gradient}²`,
				`${m} / (1 − ${ADAM.beta1}^${u.step})`,
				`${v} / (1 − ${ADAM.beta2}^${u.step})`,
			];
			const change = `−${u.learningRate} · ${mHat} / (√${vHat} + ${ADAM.epsilon})`;
			return [
				`- ${u.name}:`,
				...u.steps.map((step, k) => `  - ${u.equation(step.formula, values[k]!, step.value)}`),
				`  - ${u.equation(u.changeFormula, change, u.change)}`,
				`  - ${updated(u)}`,
			];
		},
	},
} satisfies Record<string, Omit<Optimizer, 'name'>>;

export const OPTIMIZERS = registry<Omit<Optimizer, 'name'>>()(ENTRIES);

export type OptimizerName = (typeof OPTIMIZERS.names)[number];

type Entries = typeof ENTRIES;
/** The optimizers' own parameters' names: `momentum`. */
export type ParameterName = {[Name in keyof Entries]: Entries[Name] extends {parameter: OptimizerParameter<infer P>} ? P : never}[keyof Entries];
/** A value of each optimizer's own parameter, by its name (`momentum: 0.9`): part of every run's setup. */
export type OptimizerParameters = {readonly [Name in ParameterName]: number};
/** A parameter with the optimizer it belongs to. */
export type DeclaredParameter = OptimizerParameter<ParameterName> & {readonly optimizer: OptimizerName};

/** Every optimizer's own parameter, in the registry's order. */
export const OPTIMIZER_PARAMETERS: readonly DeclaredParameter[] = OPTIMIZERS.names.flatMap(optimizer => {
	const declared = OPTIMIZERS.entries[optimizer].parameter as OptimizerParameter<ParameterName> | undefined;
	return declared ? [{...declared, optimizer}] : [];
});

/** A value of each optimizer's own parameter: as given among these, else its default. */
export const parameterValues = (values: Partial<OptimizerParameters>) =>
	Object.fromEntries(OPTIMIZER_PARAMETERS.map(({name, default: value}) => [name, values[name] ?? value])) as OptimizerParameters;

/** Each parameter's default: the tutorial's values. */
export const PARAMETER_DEFAULTS = parameterValues({});

/** The optimizer's own parameter, if it has one, and its value among these (as an --explain JSON holds them: only its own). */
export function parameterOf(optimizer: OptimizerName, values: Partial<OptimizerParameters>): {declared: DeclaredParameter; value: number} | undefined {
	const declared = OPTIMIZER_PARAMETERS.find(candidate => candidate.optimizer === optimizer);
	return declared && {declared, value: values[declared.name] ?? declared.default};
}

export function createOptimizerState(optimizer: OptimizerName, weightCount: number, values: Partial<OptimizerParameters>): OptimizerState {
	const buffers = Object.fromEntries(OPTIMIZERS.entries[optimizer].buffers.map(name => [name, new Float64Array(weightCount)]));
	return {buffers, step: 0, correction1: 1, correction2: 1, parameter: parameterOf(optimizer, values)?.value ?? 0};
}
