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

/** The classes in the order they tell most: the predicted, the true one, then the others, most probable first. */
export function classOrder(data: Pick<DigitsData, 'outputs' | 'predicted' | 'target'>): number[] {
	const others = data.outputs
		.map((_, k) => k)
		.filter(k => k !== data.predicted && k !== data.target)
		.sort((a, b) => data.outputs[b]! - data.outputs[a]! || a - b);
	return [data.predicted, ...(data.target === data.predicted ? [] : [data.target]), ...others];
}

/** `… 8 more`: the classes not shown, counted. */
const moreText = (count: number) => `… ${formatCount(count)} more`;

/**
 * Each class's output, a bar and its percentage: `7 ▇▇▇▇▇▇▇▇ 92.1 %`, the predicted class bold;
 * in class order when all fit `lines`, else the classes that tell most (classOrder) and `… N more`.
 */
export function probabilityLines(data: DigitsData, width: number, lines: number): Segment[][] {
	const nameWidth = Math.max(...data.classes.map(name => name.length));
	const bar = Math.max(0, width - nameWidth - 10);
	const all = data.outputs.length <= lines;
	const shown = all ? data.outputs.map((_, k) => k) : classOrder(data).slice(0, Math.max(0, lines - 1));
	const bars = shown.map(k => {
		const p = data.outputs[k]!;
		return [
			{text: `${data.classes[k]!.padStart(nameWidth)} `, bold: k === data.predicted},
			{text: '▇'.repeat(Math.round(bar * Math.min(1, Math.max(0, p)))).padEnd(bar), dim: k !== data.predicted},
			{text: ` ${percent(p).padStart(7)}`, bold: k === data.predicted},
		];
	});
	return all ? bars : [...bars, [{text: moreText(data.outputs.length - shown.length), dim: true}]];
}

/** The outputs in a few words each, `0: 96.7 % · 5: 2.0 % … 8 more`, the classes that tell most first (classOrder), as many as fit, for a box too narrow for the bars. */
export function probabilityParts(data: DigitsData, width: number): Segment[] {
	const order = classOrder(data);
	const texts = order.map(k => `${data.classes[k]!}: ${percent(data.outputs[k]!)}`);
	const more = (shown: number) => (shown < texts.length ? ` ${moreText(texts.length - shown)}` : '');
	let shown = texts.length;
	while (shown > 0 && texts.slice(0, shown).join(' · ').length + more(shown).length > width) {
		shown--;
	}

	const segments: Segment[] = order
		.slice(0, shown)
		.flatMap((k, n) => [...(n > 0 ? [{text: ' · ', dim: true}] : []), {text: texts[n]!, bold: k === data.predicted}]);
	return shown < texts.length ? [...segments, {text: shown > 0 ? more(shown) : moreText(texts.length), dim: true}] : segments;
}
