/**
 * The lines of the written-out iteration (see kernel.ts): the same operations as the loops
 * of iteration.ts, in the same order, with every index a constant.
 */
import type {Network} from '../maths/network.js';
import {hasPenalty} from '../maths/penalty.js';

/**
 * How a value is read once written or loaded: its local (`a1_0`), or its buffer again
 * (`A1[0]`); and whether values are written to their buffers at all (not between two
 * frames' worth of iterations, see `manyFor`).
 */
export type Read = ((buffer: string, index: number) => string) & {readonly stores: boolean};

export function reader(locals: boolean, stores = true): Read {
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
export function loadLines(network: Network, read: Read): string[] {
	const {layers, depth, weightCount} = network.shape;
	const batch = network.batchSize;
	const load = (buffer: string, count: number) => Array.from({length: count}, (_, k) => read(buffer, k)).filter(local => !local.endsWith(']'));
	return [
		...load('W', weightCount).map((local, k) => `const ${local} = W[${k}];`),
		...load('A0', batch * layers[0]!).map((local, k) => `const ${local} = A0[${k}];`),
		...load('T', batch * layers[depth]!).map((local, k) => `const ${local} = T[${k}];`),
	];
}

export function forwardLines(network: Network, read: Read): string[] {
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

export function errorLines(network: Network, read: Read): string[] {
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

export function backwardLines(network: Network, read: Read): string[] {
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

export function gradientLines(network: Network, read: Read): string[] {
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

export function updateLines(network: Network, read: Read): string[] {
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
