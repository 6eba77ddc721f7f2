import {registry} from './registry.js';

/**
 * The activation functions, each with its derivative beside it (as micrograd writes an
 * operation): the only place their maths is written. The loop kernel, the unrolled
 * kernel, the chain of derivatives and the explanations all call these.
 */
export type Activation = {
	readonly name: string;
	/** One line for --help. */
	readonly description: string;
	/** The function in the tutorial's words: `Activ = 1 / (1 + e^−SOP)`. */
	readonly formula: string;
	/** dActiv/dSOP in the same words. */
	readonly derivativeFormula: string;
	/** Applied to one neuron's SOP; softmax is applied to a whole layer (see `softmax`). */
	readonly activate: (sop: number) => number;
	/** dActiv/dSOP from the SOP and the activation it gave. */
	readonly derivative: (sop: number, activation: number) => number;
	/** The smallest and largest value it can take. */
	readonly range: readonly [number, number];
	/** softmax: only for the output layer, with cross-entropy, and at least 2 outputs. */
	readonly outputOnly: boolean;
	/**
	 * How far the gradient check moves a neuron's SOP: smooth functions take a step where
	 * the stencil's truncation and rounding errors balance; relu one small enough not to
	 * cross its kink; linear makes the loss quadratic in a weight, so any step is exact.
	 */
	readonly checkStep: number;
	/** Flat at both ends (sigmoid, tanh): its neurons can saturate, their gradients vanish. */
	readonly saturates: boolean;
	/**
	 * The same maths in numpy, for the exported script (session/export-code.ts): the body of
	 * a function of a layer's SOPs (`sop`, one row per sample), and dActiv/dSOP as an
	 * expression of `sop` and `activ` (softmax has none: cross-entropy never asks for it).
	 */
	readonly numpy: {readonly activate: readonly string[]; readonly derivative?: string};
	/** The ONNX operator that computes it over a layer (session/export-onnx.ts). */
	readonly onnx: string;
};

type Entry = Omit<Activation, 'name'>;

export const ACTIVATIONS = registry<Entry>()({
	sigmoid: {
		description: '1 / (1 + e^-SOP), between 0 and 1',
		formula: 'Activ = 1 / (1 + e^−SOP)',
		derivativeFormula: 'Activ · (1 − Activ)',
		activate: (sop: number) => 1 / (1 + Math.exp(-sop)),
		derivative: (_sop: number, activation: number) => activation * (1 - activation),
		range: [0, 1],
		outputOnly: false,
		checkStep: 4e-3,
		saturates: true,
		numpy: {activate: ['return 1.0 / (1.0 + np.exp(-sop))'], derivative: 'activ * (1.0 - activ)'},
		onnx: 'Sigmoid',
	},
	tanh: {
		description: 'tanh(SOP), between -1 and 1',
		formula: 'Activ = tanh(SOP)',
		derivativeFormula: '1 − Activ²',
		activate: (sop: number) => Math.tanh(sop),
		derivative: (_sop: number, activation: number) => 1 - activation * activation,
		range: [-1, 1],
		outputOnly: false,
		checkStep: 4e-3,
		saturates: true,
		numpy: {activate: ['return np.tanh(sop)'], derivative: '1.0 - activ * activ'},
		onnx: 'Tanh',
	},
	relu: {
		description: 'max(0, SOP); derivative 0 at 0',
		formula: 'Activ = max(0, SOP)',
		derivativeFormula: '1 if SOP > 0, else 0',
		activate: (sop: number) => (sop > 0 ? sop : 0),
		derivative: (sop: number) => (sop > 0 ? 1 : 0),
		range: [0, Number.POSITIVE_INFINITY],
		outputOnly: false,
		checkStep: 1e-5,
		saturates: false,
		numpy: {activate: ['return np.where(sop > 0.0, sop, 0.0)'], derivative: 'np.where(sop > 0.0, 1.0, 0.0)'},
		onnx: 'Relu',
	},
	linear: {
		description: 'the SOP itself',
		formula: 'Activ = SOP',
		derivativeFormula: '1',
		activate: (sop: number) => sop,
		derivative: () => 1,
		range: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
		outputOnly: false,
		checkStep: 1e-3,
		saturates: false,
		numpy: {activate: ['return sop'], derivative: 'np.ones_like(sop)'},
		onnx: 'Identity',
	},
	softmax: {
		description: 'e^SOP / Σ e^SOP over the layer (output only)',
		formula: 'Activ = e^(SOP − max SOP) / Σ e^(SOP − max SOP)',
		derivativeFormula: 'with cross-entropy, dError/dSOP = Predicted − target',
		// a whole layer at once: see softmax(); cross-entropy never asks for its derivative
		activate: (sop: number) => sop,
		derivative: () => Number.NaN,
		range: [0, 1],
		outputOnly: true,
		checkStep: 4e-3,
		saturates: true,
		numpy: {
			activate: [
				'e = np.exp(sop - np.max(sop, axis=1, keepdims=True))  # the largest SOP subtracted: e^SOP cannot overflow',
				'return e / np.sum(e, axis=1, keepdims=True)',
			],
		},
		// over the last axis, a sample's outputs (opset 13 on)
		onnx: 'Softmax',
	},
});

export type ActivationName = (typeof ACTIVATIONS.names)[number];

/** Those a hidden layer may use. */
export const HIDDEN_ACTIVATION_NAMES = ACTIVATIONS.names.filter(name => !ACTIVATIONS.entries[name].outputOnly);

/**
 * softmax over `count` SOPs from `offset`, into `out` at the same positions:
 * `e^(z − max z) / Σ e^(z − max z)`, the maximum subtracted so that e^z cannot overflow.
 */
export function softmax(sops: Float64Array, out: Float64Array, offset: number, count: number): void {
	let largest = Number.NEGATIVE_INFINITY;
	for (let k = 0; k < count; k++) {
		largest = Math.max(largest, sops[offset + k]!);
	}

	let sum = 0;
	for (let k = 0; k < count; k++) {
		const e = Math.exp(sops[offset + k]! - largest);
		out[offset + k] = e;
		sum += e;
	}

	for (let k = 0; k < count; k++) {
		out[offset + k] = out[offset + k]! / sum;
	}
}

/**
 * A formula as a factor of a product: in brackets where it has a sum, a difference or a condition outside
 * brackets (`· (1 − Activ²)`, `· (1 if SOP > 0, else 0)`), as it is otherwise (`· Activ · (1 − Activ)`).
 */
export function asFactor(formula: string): string {
	const outside = formula.replaceAll(/\([^()]*\)/g, '');
	return /[−+,]| if /.test(outside) ? `(${formula})` : formula;
}
