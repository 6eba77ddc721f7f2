import {softmax} from './activations.js';
import {iterate} from './iteration.js';
import type {Network} from './network.js';
import {hasPenalty, penaltySlope} from './penalty.js';

/** One iteration over the network's current batch; false when it diverged. */
export type Iterate = (learningRate: number) => boolean;

/**
 * Weight-times-sample terms up to which a full-batch network's iteration is written out
 * for its shape. Measured here: 8 to 180 terms ran 2.3 to 4.5 times as fast unrolled as
 * the loops; from about 200 (the limit depends on the shape) V8 stops optimising the
 * function and it runs 10 times slower. `npm run bench` watches a network at this limit.
 */
export const MAX_UNROLLED_TERMS = 128;

export function unrolledTerms(weightCount: number, samples: number): number {
	return weightCount * samples;
}

/**
 * The fastest iteration for this network: written out for its shape when it is small and
 * its batch never changes (full batch), else the loops of `iterate`. Both call the same
 * activation, loss and optimizer functions in the same order, so their numbers are the
 * same to the last bit (test/core/kernel.test.ts).
 */
export function kernelFor(network: Network, fixedBatch: boolean, unroll: 'auto' | 'never' | 'always' = 'auto'): Iterate {
	const small = unrolledTerms(network.shape.weightCount, network.batchSize) <= MAX_UNROLLED_TERMS;
	if (unroll === 'always' || (unroll === 'auto' && fixedBatch && small)) {
		return writeOut(network);
	}

	return learningRate => iterate(network, learningRate);
}

/**
 * Writes `iterate` out for one shape and batch size: every loop unrolled, every index a
 * constant. Names in the generated code: W weights, P previous weights, G gradients,
 * C changes, T targets, and per layer A activations, Z SOPs, D dError/dSOP.
 */
function writeOut(network: Network): Iterate {
	const {depth} = network.shape;
	const lines = [...forwardLines(network), ...errorLines(network)];
	lines.push(...backwardLines(network), ...gradientLines(network), ...updateLines(network));
	const names = ['network', 'W', 'P', 'G', 'C', 'T', 'activateHidden', 'activateOutput', 'derivativeHidden', 'outputError', 'outputDelta'];
	const values: unknown[] = [network, network.weights, network.previousWeights, network.gradients, network.changes, network.targets];
	values.push(network.activateHidden, network.activateOutput, network.derivativeHidden, network.outputError, network.outputDelta);
	const {optimizer, optimizerState} = network;
	names.push('softmax', 'slope', 'penalty', 'begin', 'change', 'state');
	values.push(softmax, penaltySlope, {l1: network.l1, l2: network.l2}, optimizer.begin, optimizer.change, optimizerState);
	for (let l = 0; l <= depth; l++) {
		names.push(`A${l}`, `Z${l}`, `D${l}`);
		values.push(network.activations[l], network.sops[l], network.deltas[l]);
	}

	// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the point of this module: code written for one shape
	const factory = new Function(...names, `return function iterate(learningRate) {\n${lines.join('\n')}\n};`) as (...v: unknown[]) => Iterate;
	return factory(...values);
}

function forwardLines(network: Network): string[] {
	const {layers, stride, offset, bias, depth} = network.shape;
	const lines: string[] = [];
	for (let l = 1; l <= depth; l++) {
		const [nIn, nOut] = [layers[l - 1]!, layers[l]!];
		const activate = l === depth ? 'activateOutput' : 'activateHidden';
		for (let s = 0; s < network.batchSize; s++) {
			for (let j = 0; j < nOut; j++) {
				const row = offset[l - 1]! + j * stride[l - 1]!;
				lines.push('{ let sum = 0;');
				for (let i = 0; i < nIn; i++) {
					lines.push(`sum += W[${row + i}] * A${l - 1}[${s * nIn + i}];`);
				}

				if (bias) {
					lines.push(`sum += W[${row + nIn}];`);
				}

				const x = s * nOut + j;
				lines.push(`Z${l}[${x}] = sum; A${l}[${x}] = ${activate}(sum); }`);
			}

			if (l === depth && network.output.outputOnly) {
				lines.push(`softmax(Z${l}, A${l}, ${s * nOut}, ${nOut});`);
			}
		}
	}

	return lines;
}

function errorLines(network: Network): string[] {
	const {depth} = network;
	const nOut = network.shape.layers[depth]!;
	const lines = ['let total = 0;'];
	for (let s = 0; s < network.batchSize; s++) {
		lines.push('{ let sampleError = 0;');
		for (let k = 0; k < nOut; k++) {
			const x = s * nOut + k;
			lines.push(`sampleError += outputError(A${depth}[${x}], T[${x}]);`);
		}

		lines.push('total += sampleError; }');
	}

	lines.push(`const error = total / ${network.batchSize};`, 'network.error = error;', 'network.hasIteration = true;');
	return lines;
}

function backwardLines(network: Network): string[] {
	const {layers, stride, offset, depth} = network.shape;
	const lines: string[] = [];
	for (let x = 0; x < network.batchSize * layers[depth]!; x++) {
		lines.push(`D${depth}[${x}] = outputDelta(A${depth}[${x}], T[${x}], Z${depth}[${x}]);`);
	}

	for (let l = depth - 1; l >= 1; l--) {
		const [n, nNext] = [layers[l]!, layers[l + 1]!];
		for (let s = 0; s < network.batchSize; s++) {
			for (let j = 0; j < n; j++) {
				lines.push('{ let sum = 0;');
				for (let k = 0; k < nNext; k++) {
					lines.push(`sum += W[${offset[l]! + k * stride[l]! + j}] * D${l + 1}[${s * nNext + k}];`);
				}

				const x = s * n + j;
				lines.push(`D${l}[${x}] = sum * derivativeHidden(Z${l}[${x}], A${l}[${x}]); }`);
			}
		}
	}

	return lines;
}

function gradientLines(network: Network): string[] {
	const {layers, stride, offset, depth, isBias} = network.shape;
	const batch = network.batchSize;
	const lines: string[] = [];
	for (let l = 0; l < depth; l++) {
		const [nIn, nOut] = [layers[l]!, layers[l + 1]!];
		for (let j = 0; j < nOut; j++) {
			for (let i = 0; i < stride[l]!; i++) {
				lines.push('{ let sum = 0;');
				for (let s = 0; s < batch; s++) {
					const delta = `D${l + 1}[${s * nOut + j}]`;
					lines.push(i < nIn ? `sum += ${delta} * A${l}[${s * nIn + i}];` : `sum += ${delta};`);
				}

				lines.push(`G[${offset[l]! + j * stride[l]! + i}] = sum / ${batch}; }`);
			}
		}
	}

	if (hasPenalty(network)) {
		for (let k = 0; k < isBias.length; k++) {
			if (isBias[k] === 0) {
				lines.push(`G[${k}] = G[${k}] + slope(W[${k}], penalty);`);
			}
		}
	}

	return lines;
}

function updateLines(network: Network): string[] {
	const lines = ['begin(state);', 'let finite = Number.isFinite(error);'];
	for (let k = 0; k < network.shape.weightCount; k++) {
		lines.push(
			`{ const c = change(state, ${k}, G[${k}], learningRate); C[${k}] = c; const before = W[${k}]; P[${k}] = before;`,
			`const weight = before + c; W[${k}] = weight; if (weight - weight !== 0) finite = false; }`,
		);
	}

	lines.push('return finite;');
	return lines;
}
