/** The words and numbers of --explain's text: how it writes a computed number, a given one, an equation, a table. */
import type {Network} from '../core/maths/network.js';
import type {WeightRef} from '../core/names.js';
import type {Explained, SampleWork} from './explain-types.js';
import {formatNumber} from './format.js';

/** Samples of a batch the text works out; --json has every one. */
export const SHOWN_SAMPLES = 4;

/** A computed number: 6 significant digits, enough to check by hand. */
export const num = (x: number) => formatNumber(x, 6);
/** A number given by the user (inputs, targets, learning rate …): as given. */
export const given = (x: number) => String(x);
export const bracket = (text: string, x: number) => (x < 0 ? `(${text})` : text);
export const operand = (x: number) => bracket(num(x), x);
export const givenOperand = (x: number) => bracket(given(x), x);
/** `a = b = c`, a part equal to the one before it left out. */
export const equation = (...parts: string[]) => parts.filter((part, k) => k === 0 || part !== parts[k - 1]).join(' = ');
export const rightSide = (formula: string) => formula.slice(formula.indexOf(' = ') + 3);
export const substitute = (formula: string, values: Readonly<Record<string, string>>) =>
	formula.replaceAll(/\b(Activ|SOP|Predicted|target)\b/g, name => values[name] ?? name);

export type View = {
	readonly w: Explained;
	readonly network: Network;
	readonly refs: readonly WeightRef[];
	readonly shown: readonly SampleWork[];
};

/** `### Sample 3` when the batch has several; nothing for one. */
export function sampleHeading(view: View, sample: SampleWork, lines: string[]): string[] {
	return view.w.samples.length === 1 ? lines : [`### Sample ${sample.sample}`, '', ...lines];
}

/** A Markdown table, its columns padded to line up in a terminal. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
	const widths = header.map((cell, c) => Math.max(cell.length, ...rows.map(row => row[c]!.length)));
	const line = (cells: readonly string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
	return [line(header), line(widths.map(width => '-'.repeat(width))), ...rows.map(line)];
}
