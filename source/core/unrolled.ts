import type {Network} from './network.js';

/**
 * Network.iterate written out for one network's shape: every loop unrolled, every index
 * a constant, the same operations in the same order, so the numbers are the same to the
 * last bit (test/core/unrolled.test.ts checks it on every reference run). For the
 * tutorial's 3-2-1 network this runs about twice as fast as the loops, whose counters
 * and bounds cost more than its eight multiplications.
 *
 * Large networks keep the loops: unrolled, their code outgrows what V8 optimises.
 */
export type UnrolledIterate = (learningRate: number) => boolean;

/**
 * Weight-times-sample terms up to which a network is unrolled. Measured here: 8 to 180
 * terms ran 2.3 to 4.5 times as fast unrolled; from about 200 (the limit depends on the
 * shape) V8 stops optimising the function and it runs 10 times slower than the loops.
 * `npm run bench` watches a network near this limit.
 */
export const MAX_UNROLLED_TERMS = 128;

export function unrolledTerms(layers: readonly number[], bias: boolean, samples: number): number {
	let terms = 0;
	for (let l = 0; l + 1 < layers.length; l++) {
		terms += layers[l + 1]! * (layers[l]! + (bias ? 1 : 0));
	}

	return terms * samples;
}

/** The source of an activation and of its derivative, as Network's `activate` and `derivative`. */
const ACTIVATE = {
	sigmoid: (sop: string) => `1 / (1 + Math.exp(-${sop}))`,
	tanh: (sop: string) => `Math.tanh(${sop})`,
	relu: (sop: string) => `(${sop} > 0 ? ${sop} : 0)`,
	linear: (sop: string) => sop,
} as const;

const DERIVATIVE = {
	sigmoid: (_sop: string, value: string) => `${value} * (1 - ${value})`,
	tanh: (_sop: string, value: string) => `1 - ${value} * ${value}`,
	relu: (sop: string) => `(${sop} > 0 ? 1 : 0)`,
	linear: () => '1',
} as const;

/**
 * Builds the unrolled iteration over the network's own buffers (they are allocated once,
 * so the function can hold them). Names in the generated code: W weights, P previous
 * weights, G gradients, C changes, A activations, Z SOPs, D deltas, T targets, each
 * followed by its layer.
 */
export function unrollIterate(network: Network): UnrolledIterate {
	const {layers, stride, bias, sampleCount: samples, activation} = network;
	const depth = layers.length - 1;
	const activate = ACTIVATE[activation];
	const derivative = DERIVATIVE[activation];
	const lines: string[] = ['let total = 0;'];

	// forward pass and loss, sample by sample
	for (let s = 0; s < samples; s++) {
		for (let l = 0; l < depth; l++) {
			const nIn = layers[l]!;
			const nOut = layers[l + 1]!;
			for (let j = 0; j < nOut; j++) {
				const row = j * stride[l]!;
				lines.push('{ let sum = 0;');
				for (let i = 0; i < nIn; i++) {
					lines.push(`sum += W${l}[${row + i}] * A${l}[${s * nIn + i}];`);
				}

				if (bias) {
					lines.push(`sum += W${l}[${row + nIn}];`);
				}

				const x = s * nOut + j;
				lines.push(`Z${l + 1}[${x}] = sum; A${l + 1}[${x}] = ${activate('sum')}; }`);
			}
		}

		const nOut = layers[depth]!;
		lines.push('{ let sampleError = 0;');
		for (let k = 0; k < nOut; k++) {
			const x = s * nOut + k;
			lines.push(`{ const difference = A${depth}[${x}] - T[${x}]; sampleError += difference * difference; }`);
		}

		lines.push('total += sampleError; }');
	}

	lines.push(`const loss = total / ${samples};`, 'network.loss = loss;', 'network.hasIteration = true;');

	// backpropagation: deltas from the output layer down, sample by sample
	for (let s = 0; s < samples; s++) {
		const nOut = layers[depth]!;
		for (let k = 0; k < nOut; k++) {
			const x = s * nOut + k;
			lines.push(`D${depth}[${x}] = 2 * (A${depth}[${x}] - T[${x}]) * (${derivative(`Z${depth}[${x}]`, `A${depth}[${x}]`)});`);
		}

		for (let l = depth - 1; l >= 1; l--) {
			const n = layers[l]!;
			const nNext = layers[l + 1]!;
			for (let j = 0; j < n; j++) {
				lines.push('{ let sum = 0;');
				for (let k = 0; k < nNext; k++) {
					lines.push(`sum += W${l}[${k * stride[l]! + j}] * D${l + 1}[${s * nNext + k}];`);
				}

				const x = s * n + j;
				lines.push(`D${l}[${x}] = sum * (${derivative(`Z${l}[${x}]`, `A${l}[${x}]`)}); }`);
			}
		}
	}

	// gradients: means over samples
	for (let l = 0; l < depth; l++) {
		const nIn = layers[l]!;
		const nOut = layers[l + 1]!;
		for (let j = 0; j < nOut; j++) {
			for (let i = 0; i < stride[l]!; i++) {
				lines.push('{ let sum = 0;');
				for (let s = 0; s < samples; s++) {
					const delta = `D${l + 1}[${s * nOut + j}]`;
					lines.push(i < nIn ? `sum += ${delta} * A${l}[${s * nIn + i}];` : `sum += ${delta};`);
				}

				lines.push(`G${l}[${j * stride[l]! + i}] = sum / ${samples}; }`);
			}
		}
	}

	// the update, every gradient taken before it
	lines.push('let finite = Number.isFinite(loss);');
	for (const [l, layer] of network.weights.entries()) {
		for (let k = 0; k < layer.length; k++) {
			lines.push(
				`{ const change = -learningRate * G${l}[${k}]; C${l}[${k}] = change; const before = W${l}[${k}]; P${l}[${k}] = before;`,
				`const weight = before + change; W${l}[${k}] = weight; if (weight - weight !== 0) finite = false; }`,
			);
		}
	}

	lines.push('return finite;');

	const names: string[] = ['network', 'T'];
	const buffers: unknown[] = [network, network.targets];
	const bind = (prefix: string, arrays: readonly Float64Array[]) => {
		for (const [l, array] of arrays.entries()) {
			names.push(`${prefix}${l}`);
			buffers.push(array);
		}
	};

	bind('W', network.weights);
	bind('P', network.previousWeights);
	bind('G', network.gradients);
	bind('C', network.changes);
	bind('A', network.activations);
	bind('Z', network.sops);
	bind('D', network.deltas);
	const source = lines.join('\n');
	// the point of this module: a function whose code is written for this one shape
	const factory = new Function(...names, `return function iterate(learningRate) {\n${source}\n};`) as (
		...values: unknown[]
	) => UnrolledIterate;
	return factory(...buffers);
}
