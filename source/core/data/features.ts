import type {Sample} from './samples.js';

/**
 * Inputs computed from a sample's two coordinates, as TensorFlow Playground offers them:
 * `--features x1,x2,x1^2` turns each 2-D sample into those values, in that order, and the
 * input layer's size follows the list.
 */
export type Feature = {
	readonly description: string;
	compute(x1: number, x2: number): number;
	/** The same computation as an ONNX operator on the coordinates' columns (session/export-onnx.ts). */
	readonly onnx: readonly [operator: string, ...inputs: Array<'x1' | 'x2'>];
};

const registry = {
	x1: {description: 'the first coordinate', compute: x1 => x1, onnx: ['Identity', 'x1']},
	x2: {description: 'the second coordinate', compute: (_x1, x2) => x2, onnx: ['Identity', 'x2']},
	'x1^2': {description: 'the first coordinate squared', compute: x1 => x1 * x1, onnx: ['Mul', 'x1', 'x1']},
	'x2^2': {description: 'the second coordinate squared', compute: (_x1, x2) => x2 * x2, onnx: ['Mul', 'x2', 'x2']},
	x1x2: {description: 'the product of the two coordinates', compute: (x1, x2) => x1 * x2, onnx: ['Mul', 'x1', 'x2']},
	'sin(x1)': {description: 'the sine of the first coordinate', compute: x1 => Math.sin(x1), onnx: ['Sin', 'x1']},
	'sin(x2)': {description: 'the sine of the second coordinate', compute: (_x1, x2) => Math.sin(x2), onnx: ['Sin', 'x2']},
} as const satisfies Record<string, Feature>;

export type FeatureName = keyof typeof registry;

export const FEATURES: Readonly<Record<FeatureName, Feature>> = registry;

export const FEATURE_NAMES = Object.keys(FEATURES) as FeatureName[];

function isFeatureName(text: string): text is FeatureName {
	return Object.hasOwn(FEATURES, text);
}

/** A comma-separated list of known features, each once; or a one-line error naming the bad entry. */
export function parseFeatureList(text: string): FeatureName[] | {error: string} {
	const names: FeatureName[] = [];
	for (const entry of text.split(',').map(part => part.trim())) {
		if (!isFeatureName(entry)) {
			const what = entry === '' ? 'an empty entry' : `unknown feature '${entry}'`;
			return {error: `${what} in '${text}' (choose from ${FEATURE_NAMES.join(', ')})`};
		}

		if (names.includes(entry)) {
			return {error: `feature '${entry}' is listed twice in '${text}'`};
		}

		names.push(entry);
	}

	return names;
}

/** Each 2-input sample's inputs replaced by the features, in the order given; targets kept. */
export function applyFeatures(samples: readonly Sample[], features: readonly FeatureName[]): Sample[] {
	return samples.map((sample, index) => {
		const [x1, x2] = sample.x;
		if (sample.x.length !== 2 || x1 === undefined || x2 === undefined) {
			throw new RangeError(`features need samples of 2 inputs, but sample ${index + 1} has ${sample.x.length}`);
		}

		return {x: features.map(name => FEATURES[name].compute(x1, x2)), t: sample.t};
	});
}
