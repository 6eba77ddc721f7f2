import type {Sample} from '../core/data/samples.js';
import {InputError} from './input-error.js';

/** A number as a CSV cell holds it: decimal, optional sign and exponent, nothing `Number()` alone would take (hex, Infinity, blanks). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number in a cell (quotes around it allowed), or undefined. */
export function cellNumber(cell: string): number | undefined {
	const text = cell
		.trim()
		.replace(/^"(.*)"$/s, '$1')
		.trim();
	if (!DECIMAL.test(text)) {
		return undefined;
	}

	const value = Number(text);
	return Number.isFinite(value) ? value : undefined;
}

const SEPARATORS: ReadonlyArray<readonly [string, string]> = [
	[';', 'semicolons'],
	['\t', 'tabs'],
	['|', 'bars'],
];

function rows(text: string): Array<{line: number; cells: string[]}> {
	return text
		.split(/\r?\n/)
		.map((row, index) => ({line: index + 1, row}))
		.filter(({row}) => row.trim() !== '')
		.map(({line, row}) => ({line, cells: row.split(',')}));
}

/**
 * One sample a row: `inputs` input columns, then the targets. An optional header row
 * (a first row without a single number) is skipped; blank lines are ignored.
 */
export function parseSamplesCsv(text: string, file: string, inputs: number, outputs: number): Sample[] {
	const samples: Sample[] = [];
	const columns = inputs + outputs;
	for (const [k, {line, cells}] of rows(text).entries()) {
		const where = `--data ${file} line ${line}`;
		const numbers = cells.map(cell => cellNumber(cell));
		if (k === 0 && numbers.every(n => n === undefined) && cells.length > 1) {
			continue; // a header row
		}

		if (cells.length === 1) {
			const separator = SEPARATORS.find(([character]) => cells[0]!.includes(character));
			if (separator) {
				throw new InputError(`${where}: the cells are separated by ${separator[1]}; descent reads comma-separated values`);
			}
		}

		const bad = numbers.findIndex(n => n === undefined);
		if (bad !== -1) {
			throw new InputError(`${where}: column ${bad + 1} '${cells[bad]!.trim()}' is not a decimal number`);
		}

		if (cells.length !== columns) {
			throw new InputError(`${where}: ${cells.length} columns, expected ${columns} (${inputs} inputs then ${outputs} target${outputs === 1 ? '' : 's'})`);
		}

		const values = numbers as number[];
		samples.push({x: values.slice(0, inputs), t: values.slice(inputs)});
	}

	if (samples.length === 0) {
		throw new InputError(`--data ${file}: no samples (one row per sample: inputs then targets)`);
	}

	return samples;
}

/** Columns of the first row of numbers, for sizing the input layer from a CSV. */
export function csvColumns(text: string): number {
	const all = rows(text);
	const numeric = all.find(({cells}) => cells.every(cell => cellNumber(cell) !== undefined));
	return (numeric ?? all[0])?.cells.length ?? 0;
}

/** Samples as `--data` reads them: a header `x1,…,t1,…`, then a row each. */
export function samplesCsv(samples: readonly Sample[]): string {
	const first = samples[0];
	const header = [...(first?.x ?? []).map((_, i) => `x${i + 1}`), ...(first?.t ?? []).map((_, k) => `t${k + 1}`)];
	return [header.join(','), ...samples.map(sample => [...sample.x, ...sample.t].join(','))].join('\n') + '\n';
}
