import {formatCount} from '../session/format.js';
import type {DigitsData} from '../session/views/digits.js';
import {fitParts, type Segment} from './text.js';

/** One character of the picture: the pixel above (its foreground) and the one below (its background), each 0 to 1. */
export type HalfBlock = {readonly top: number; readonly bottom: number};

/**
 * The picture in half blocks, two pixel rows a line, shrunk by whole factors (the mean of
 * each square of pixels) until it fits `lines`: 28×28 is 28 columns × 14 lines, or 14 × 7.
 */
export function halfBlocks(data: Pick<DigitsData, 'width' | 'height' | 'pixels'>, lines: number, columns: number): HalfBlock[][] {
	let scale = 1;
	while ((Math.ceil(data.height / scale / 2) > lines || Math.ceil(data.width / scale) > columns) && scale < data.height) {
		scale++;
	}

	const width = Math.ceil(data.width / scale);
	const height = Math.ceil(data.height / scale);
	const pixel = (row: number, column: number) => {
		let sum = 0;
		let count = 0;
		for (let y = row * scale; y < Math.min(data.height, (row + 1) * scale); y++) {
			for (let x = column * scale; x < Math.min(data.width, (column + 1) * scale); x++) {
				sum += data.pixels[y * data.width + x]!;
				count++;
			}
		}

		return count > 0 ? sum / count : 0;
	};

	return Array.from({length: Math.ceil(height / 2)}, (_, line) =>
		Array.from({length: width}, (_, column) => ({top: pixel(2 * line, column), bottom: 2 * line + 1 < height ? pixel(2 * line + 1, column) : 0})),
	);
}

/** Without colour: ink at or above half is drawn, in the half of the character its pixel is in. */
export function blockGlyph({top, bottom}: HalfBlock): string {
	return top >= 0.5 ? (bottom >= 0.5 ? '█' : '▀') : bottom >= 0.5 ? '▄' : ' ';
}

/** A grey level as a colour: 0 black, 1 white (ink light on dark, as the digits are usually shown). */
export function grey(level: number): string {
	const hex = Math.round(255 * Math.min(1, Math.max(0, level)))
		.toString(16)
		.padStart(2, '0');
	return `#${hex}${hex}${hex}`;
}

/** A probability in tenths of a percent: tiny ones read 0.0 %. */
const percent = (p: number) => `${(100 * p).toFixed(1)} %`;

/** `#12 · test · true 3 · predicted 5 ✗ · 61.2 %`: the followed sample and the verdict, parts whole or left out. */
export function verdictLine(data: DigitsData, width: number, colour: boolean): Segment[] {
	const right = data.predicted === data.target;
	return fitParts(
		[
			{segments: [{text: `#${formatCount(data.sample + 1)}`, bold: true}], rank: 0},
			...(data.test ? [{segments: [{text: 'test'}], rank: 1}] : []),
			{segments: [{text: `true ${data.classes[data.target]!}`}], rank: 0},
			{
				segments: [
					{text: `predicted ${data.classes[data.predicted]!} `},
					{text: right ? '✓' : '✗', bold: true, ...(colour && {color: right ? 'green' : 'red'})},
				],
				rank: 0,
			},
			{segments: [{text: percent(data.outputs[data.predicted]!)}], rank: 1},
			{segments: [{text: `${formatCount(data.wrong.count)} wrong of ${formatCount(data.sampleCount)}`, dim: true}], rank: 2},
		],
		width,
	);
}

/** Each class's output, a bar and its percentage: `7 ▇▇▇▇▇▇▇▇ 92.1 %`, the predicted class bold. */
export function probabilityLines(data: DigitsData, width: number): Segment[][] {
	const nameWidth = Math.max(...data.classes.map(name => name.length));
	const bar = Math.max(0, width - nameWidth - 10);
	return data.outputs.map((p, k) => [
		{text: `${data.classes[k]!.padStart(nameWidth)} `, bold: k === data.predicted},
		{text: '▇'.repeat(Math.round(bar * Math.min(1, Math.max(0, p)))).padEnd(bar), dim: k !== data.predicted},
		{text: ` ${percent(p).padStart(7)}`, bold: k === data.predicted},
	]);
}

/** The outputs in a few words each, `0: 0.1 % · 1: 2.3 % …`, as many as fit, for a box too narrow for the bars. */
export function probabilityParts(data: DigitsData, width: number): Segment[] {
	return fitParts(
		data.outputs.map((p, k) => ({
			segments: [{text: `${data.classes[k]!}: ${percent(p)}`, bold: k === data.predicted}],
			rank: k === data.predicted ? 0 : 1 + k,
		})),
		width,
	);
}
