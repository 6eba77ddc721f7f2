import {softmax} from '../maths/activations.js';
import {iterate} from './iteration.js';
import type {Network} from '../maths/network.js';
import {backwardLines, errorLines, forwardLines, gradientLines, loadLines, reader, updateLines} from './kernel-lines.js';
import {penaltySlope} from '../maths/penalty.js';
import {MATRIX_SPEEDUP, matrixIterate, matrixWorthIt, onMatrixPath} from '../maths/matrix.js';

/** One iteration over the network's current batch; false when it diverged. */
export type Iterate = (learningRate: number) => boolean;

/**
 * Weight-times-sample terms up to which a full-batch network's iteration is written out
 * for its shape. Measured here: 8 to 180 terms ran 2.3 to 4.5 times as fast unrolled as
 * the loops; from about 200 (the limit depends on the shape) V8 stops optimising the
 * function and it runs 10 times slower. `npm run bench` watches a network at this limit.
 */
export const MAX_UNROLLED_TERMS = 128;

/**
 * Up to this many terms the written-out iteration also reads every value once into a local
 * and uses the local after: 3-2-1 then ran 8 % faster (the tutorial's hot loop); from about
 * 30 terms the locals no longer fit in registers and it ran up to 12 % slower than reading
 * the buffers again.
 */
export const LOCALS_TERMS = 24;

export function unrolledTerms(weightCount: number, samples: number): number {
	return weightCount * samples;
}

/**
 * The fastest iteration for this network: the batched matrix path (matrix.ts) when it has
 * many weight × sample terms and the path is built; written out for its shape when it is
 * small and its batch never changes (full batch); else the loops of `iterate`. The last two
 * call the same activation, loss and optimizer functions in the same order, so their
 * numbers are the same to the last bit (test/core/kernel.test.ts); the matrix path's agree
 * with theirs within 1e-9 (test/core/matrix.test.ts). `matrix: 'never'` keeps the scalar paths.
 */
export function kernelFor(network: Network, fixedBatch: boolean, unroll: 'auto' | 'never' | 'always' = 'auto', matrix: 'auto' | 'never' = 'auto'): Iterate {
	const batched = matrix === 'auto' && unroll === 'auto' && matrixWorthIt(network.shape.weightCount, network.capacity) ? matrixIterate(network) : undefined;
	if (batched) {
		return batched;
	}

	const small = unrolledTerms(network.shape.weightCount, network.batchSize) <= MAX_UNROLLED_TERMS;
	if (unroll === 'always' || (unroll === 'auto' && fixedBatch && small)) {
		return writeOut(network);
	}

	return learningRate => iterate(network, learningRate);
}

/**
 * What an iteration costs, in weight × sample terms of the scalar loops: its terms, fewer
 * on the matrix path (the rewind spaces its points by it).
 */
export function iterationCost(network: Network, terms: number): number {
	return onMatrixPath(network) ? terms / MATRIX_SPEEDUP : terms;
}

/**
 * Runs up to `count` iterations of a full batch, writing each one's error to `errors[n]`
 * and its first sample's first `recorded` outputs to `outputs[n · recorded + k]`; stops
 * after an iteration that diverged. Returns how many ran, negated when the last diverged.
 * The buffers are left as the last iteration left them.
 */
export type RunMany = (count: number, learningRate: number, errors: Float64Array, outputs: Float64Array) => number;

/**
 * For a network small enough to live in registers (see LOCALS_TERMS) whose optimizer keeps
 * nothing between iterations (sgd) and whose outputs are not a softmax: all iterations but
 * the last in locals only, the weights carried from one to the next; the last by
 * `iterate`, which writes every buffer the screen reads. The tutorial's hot loop then
 * stores nothing but its error and output. An iteration that diverges is not kept: the
 * weights before it go back to the buffers and `iterate` runs it again, the same numbers
 * (sgd has no state to move twice). Undefined for any other network.
 */
export function manyFor(network: Network, iterate: Iterate, recorded: number): RunMany | undefined {
	const {layers, depth, weightCount} = network.shape;
	const batch = network.batchSize;
	if (unrolledTerms(weightCount, batch) > LOCALS_TERMS || network.optimizer.buffers.length > 0 || network.output.outputOnly) {
		return undefined;
	}

	const read = reader(true, false);
	const weights = Array.from({length: weightCount}, (_, k) => k);
	const outputs = Array.from({length: recorded}, (_, k) => k);
	const lines = [
		...weights.map(k => `let w${k} = W[${k}];`),
		...Array.from({length: batch * layers[0]!}, (_, k) => `const a0_${k} = A0[${k}];`),
		...Array.from({length: batch * layers[depth]!}, (_, k) => `const t${k} = T[${k}];`),
		'let n = 0;',
		'for (; n < count - 1; n++) {',
		...forwardLines(network, read),
		...errorLines(network, read),
		'errors[n] = error;',
		...outputs.map(k => `outputs[n * ${recorded} + ${k}] = a${depth}_${k};`),
		...backwardLines(network, read),
		...gradientLines(network, read),
		'begin(state);',
		'let finite = Number.isFinite(error);',
		...weights.map(k => `const next${k} = w${k} + change(state, ${k}, g${k}, learningRate); if (next${k} - next${k} !== 0) finite = false;`),
		'if (!finite) break;',
		...weights.map(k => `w${k} = next${k};`),
		'}',
		...weights.map(k => `W[${k}] = w${k};`),
		'const finite = iterate(learningRate);',
		'errors[n] = network.error;',
		...outputs.map(k => `outputs[n * ${recorded} + ${k}] = A${depth}[${k}];`),
		'return finite ? n + 1 : -(n + 1);',
	];
	const names = ['network', 'W', 'A0', `A${depth}`, 'T', 'iterate', 'activateHidden', 'activateOutput', 'derivativeHidden', 'outputError', 'outputDelta'];
	const values: unknown[] = [network, network.weights, network.activations[0], network.activations[depth], network.targets, iterate];
	values.push(network.activateHidden, network.activateOutput, network.derivativeHidden, network.outputError, network.outputDelta);
	names.push('slope', 'penalty', 'begin', 'change', 'state');
	values.push(penaltySlope, {l1: network.l1, l2: network.l2}, network.optimizer.begin, network.optimizer.change, network.optimizerState);
	// eslint-disable-next-line @typescript-eslint/no-implied-eval -- as writeOut: code written for one shape
	const factory = new Function(...names, `return function runMany(count, learningRate, errors, outputs) {\n${lines.join('\n')}\n};`) as (
		...v: unknown[]
	) => RunMany;
	return factory(...values);
}

/**
 * Writes `iterate` out for one shape and batch size: every loop unrolled, every index a
 * constant. Names in the generated code: W weights, P previous weights, G gradients, C
 * changes, T targets, and per layer A activations, Z SOPs, D dError/dSOP. Every value is
 * written to its buffer (the screen reads them); a small network also keeps each in a
 * local (`w3`, `a1_0`) and reads that, since V8 cannot keep a typed array's value in a
 * register past a store to another, which may share its buffer.
 */
function writeOut(network: Network): Iterate {
	const {depth} = network.shape;
	const read = reader(unrolledTerms(network.shape.weightCount, network.batchSize) <= LOCALS_TERMS);
	const lines = [...loadLines(network, read), ...forwardLines(network, read), ...errorLines(network, read)];
	lines.push(...backwardLines(network, read), ...gradientLines(network, read), ...updateLines(network, read));
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
