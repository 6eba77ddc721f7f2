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

/**
 * How a value is read once written or loaded: its local (`a1_0`), or its buffer again
 * (`A1[0]`); and whether values are written to their buffers at all (not between two
 * frames' worth of iterations, see `manyFor`).
 */
type Read = ((buffer: string, index: number) => string) & {readonly stores: boolean};

function reader(locals: boolean, stores = true): Read {
	const read = locals
		? (buffer: string, index: number) => `${buffer.toLowerCase()}${buffer.length > 1 ? '_' : ''}${index}`
		: (buffer: string, index: number) => `${buffer}[${index}]`;
	return Object.assign(read, {stores});
}

/** Sets a buffer's element from an expression, keeping it in its local too when locals are read. */
function store(read: Read, buffer: string, index: number, expression: string): string {
	const local = read(buffer, index);
	if (local.endsWith(']')) {
		return `${local} = ${expression};`;
	}

	return read.stores ? `const ${local} = ${expression}; ${buffer}[${index}] = ${local};` : `const ${local} = ${expression};`;
}

/**
 * `buffer[index] = finish(Σ terms)`, summed from 0 in the terms' order as the loops sum;
 * with locals the local is the sum. `then` is a statement that uses the value (by the name
 * it is given), placed where the value is still in a register.
 */
function sumInto(
	read: Read,
	buffer: string,
	index: number,
	terms: readonly string[],
	finish?: (sum: string) => string,
	then?: (value: string) => string,
): string[] {
	const local = read(buffer, index);
	if (local.endsWith(']')) {
		return [
			'{ let sum = 0;',
			...terms.map(term => `sum += ${term};`),
			`${finish ? `sum = ${finish('sum')}; ` : ''}${local} = sum;${then ? ` ${then('sum')}` : ''} }`,
		];
	}

	const done = finish ? `${local} = ${finish(local)}; ` : '';
	const stored = read.stores ? `${buffer}[${index}] = ${local};` : '';
	return [`let ${local} = 0;`, ...terms.map(term => `${local} += ${term};`), `${done}${stored}${then ? ` ${then(local)}` : ''}`];
}

/** With locals: the weights, the batch's inputs and its targets, each read once. */
function loadLines(network: Network, read: Read): string[] {
	const {layers, depth, weightCount} = network.shape;
	const batch = network.batchSize;
	const load = (buffer: string, count: number) => Array.from({length: count}, (_, k) => read(buffer, k)).filter(local => !local.endsWith(']'));
	return [
		...load('W', weightCount).map((local, k) => `const ${local} = W[${k}];`),
		...load('A0', batch * layers[0]!).map((local, k) => `const ${local} = A0[${k}];`),
		...load('T', batch * layers[depth]!).map((local, k) => `const ${local} = T[${k}];`),
	];
}

function forwardLines(network: Network, read: Read): string[] {
	const {layers, stride, offset, bias, depth} = network.shape;
	const lines: string[] = [];
	for (let l = 1; l <= depth; l++) {
		const [nIn, nOut] = [layers[l - 1]!, layers[l]!];
		const activate = l === depth ? 'activateOutput' : 'activateHidden';
		const softmaxed = l === depth && network.output.outputOnly;
		for (let s = 0; s < network.batchSize; s++) {
			for (let j = 0; j < nOut; j++) {
				const row = offset[l - 1]! + j * stride[l - 1]!;
				const x = s * nOut + j;
				const terms = Array.from({length: nIn}, (_, i) => `${read('W', row + i)} * ${read(`A${l - 1}`, s * nIn + i)}`);
				const activated = softmaxed ? undefined : (sop: string) => store(read, `A${l}`, x, `${activate}(${sop})`);
				lines.push(...sumInto(read, `Z${l}`, x, bias ? [...terms, read('W', row + nIn)] : terms, undefined, activated));
			}

			if (softmaxed) {
				lines.push(`softmax(Z${l}, A${l}, ${s * nOut}, ${nOut});`);
				for (let j = 0; j < nOut; j++) {
					const x = s * nOut + j;
					const local = read(`A${l}`, x);
					if (!local.endsWith(']')) {
						lines.push(`const ${local} = A${l}[${x}];`);
					}
				}
			}
		}
	}

	return lines;
}

function errorLines(network: Network, read: Read): string[] {
	const {depth} = network;
	const nOut = network.shape.layers[depth]!;
	const lines = ['let total = 0;'];
	for (let s = 0; s < network.batchSize; s++) {
		lines.push('{ let sampleError = 0;');
		for (let k = 0; k < nOut; k++) {
			const x = s * nOut + k;
			lines.push(`sampleError += outputError(${read(`A${depth}`, x)}, ${read('T', x)});`);
		}

		lines.push('total += sampleError; }');
	}

	lines.push(`const error = total / ${network.batchSize};`);
	if (read.stores) {
		lines.push('network.error = error;', 'network.hasIteration = true;');
	}

	return lines;
}

function backwardLines(network: Network, read: Read): string[] {
	const {layers, stride, offset, depth} = network.shape;
	const lines: string[] = [];
	for (let x = 0; x < network.batchSize * layers[depth]!; x++) {
		const a = read(`A${depth}`, x);
		lines.push(store(read, `D${depth}`, x, `outputDelta(${a}, ${read('T', x)}, ${read(`Z${depth}`, x)})`));
	}

	for (let l = depth - 1; l >= 1; l--) {
		const [n, nNext] = [layers[l]!, layers[l + 1]!];
		for (let s = 0; s < network.batchSize; s++) {
			for (let j = 0; j < n; j++) {
				const x = s * n + j;
				const terms = Array.from({length: nNext}, (_, k) => `${read('W', offset[l]! + k * stride[l]! + j)} * ${read(`D${l + 1}`, s * nNext + k)}`);
				lines.push(...sumInto(read, `D${l}`, x, terms, sum => `${sum} * derivativeHidden(${read(`Z${l}`, x)}, ${read(`A${l}`, x)})`));
			}
		}
	}

	return lines;
}

function gradientLines(network: Network, read: Read): string[] {
	const {layers, stride, offset, depth, isBias} = network.shape;
	const batch = network.batchSize;
	const penalised = hasPenalty(network);
	const lines: string[] = [];
	for (let l = 0; l < depth; l++) {
		const [nIn, nOut] = [layers[l]!, layers[l + 1]!];
		for (let j = 0; j < nOut; j++) {
			for (let i = 0; i < stride[l]!; i++) {
				const k = offset[l]! + j * stride[l]! + i;
				const terms = Array.from({length: batch}, (_, s) => {
					const delta = read(`D${l + 1}`, s * nOut + j);
					return i < nIn ? `${delta} * ${read(`A${l}`, s * nIn + i)}` : delta;
				});
				// the penalty's slope is added to the mean, as the loops add it (biases have none)
				const penalty = penalised && isBias[k] === 0 ? ` + slope(${read('W', k)}, penalty)` : '';
				lines.push(...sumInto(read, 'G', k, terms, sum => `${sum} / ${batch}${penalty}`));
			}
		}
	}

	return lines;
}

function updateLines(network: Network, read: Read): string[] {
	const lines = ['begin(state);', 'let finite = Number.isFinite(error);'];
	for (let k = 0; k < network.shape.weightCount; k++) {
		lines.push(
			`{ const c = change(state, ${k}, ${read('G', k)}, learningRate); C[${k}] = c; const before = ${read('W', k)}; P[${k}] = before;`,
			`const weight = before + c; W[${k}] = weight; if (weight - weight !== 0) finite = false; }`,
		);
	}

	lines.push('return finite;');
	return lines;
}
