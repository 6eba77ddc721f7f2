import {Box, Text} from 'ink';
import type {SampleRow, SamplesData} from '../../session/views/samples.js';
import {formatCount, formatError, formatPredicted, formatShort} from '../../session/format.js';
import {packItems, wrapParts, wrapText} from '../text.js';

export type SamplesPanelProps = {
	readonly samples: SamplesData;
	/** First sample shown. */
	readonly start: number;
	/** The sample the chain and the diagram follow: marked. */
	readonly followed: number;
	readonly height: number;
	readonly width: number;
};

/** Lines each list of a sample (inputs, outputs, targets) may take in the list of samples: values past them are left out, with their count. */
const LIST_LINES = 2;

/** Joins the words of a part that wrapping keeps on one line (a no-break space, a space again on screen). */
const KEEP = '\u00A0';

/** The values joined by `, `: whole where they fit LIST_LINES lines of `room`, else as many as fit and `… N more` (kept on one line). */
function listOf(values: readonly number[], format: (value: number) => string, room: number): string {
	const lines = elidedItems(
		values.map(value => format(value)),
		room,
		LIST_LINES,
	);
	return lines.join(' ').replace(/… [\d,]+ more$/, count => count.replaceAll(' ', KEEP));
}

/** What the network made of the sample, then its target and error, as parts that wrap whole: with classes, the predicted class and its output, and the target's class. */
function outcomeOf(row: SampleRow, classes: readonly string[] | undefined, room: number): string[] {
	const together = (text: string) => (text.length <= room ? text.replaceAll(' ', KEEP) : text);
	const error = together(`error ${formatError(row.error)})`);
	if (classes && row.predictedClass !== undefined && row.targetClass !== undefined) {
		const predicted = `${classes[row.predictedClass]!}: ${formatPredicted(row.predicted[row.predictedClass])}`;
		return [together(`→ ${predicted}`), together(`(target ${classes[row.targetClass]!},`), error];
	}

	// the arrow and the label stay with their values where they fit a line: never `→` or `(target` at a line's end
	return [together(`→ ${listOf(row.predicted, formatPredicted, room)}`), together(`(target ${listOf(row.target, formatShort, room)},`), error];
}

/** The lines of one sample: `#3 inputs → predicted (target t, error e)`, wrapped to the panel, never cut; long lists elided with a count. */
export function sampleLines(row: SampleRow, total: number, width: number, classes?: readonly string[]): string[] {
	const mark = row.test ? ' test' : '';
	const head = `#${formatCount(row.index + 1)}${mark}`.padEnd(formatCount(total).length + 1 + (mark ? 5 : 0));
	const room = Math.max(1, width - head.length - 1);
	return wrapText([head, listOf(row.inputs, formatShort, room), ...outcomeOf(row, classes, room)].join(' '), width, head.length + 1).map(line =>
		line.replaceAll(KEEP, ' '),
	);
}

/** The last line: which samples are shown, and the keys that scroll them. */
function footerOf(first: number, count: number, total: number): string {
	return `samples ${formatCount(first + 1)}–${formatCount(first + count)} of ${formatCount(total)}${total > count ? ' · PgUp PgDn' : ''}`;
}

/** How many samples from `start` fill `height` lines, the footer's lines (at their widest) among them. */
export function samplesThatFit(samples: SamplesData, start: number, height: number, width: number): number {
	let used = samples.total > 1 ? wrapParts(footerOf(samples.total - 1, 1, samples.total + 1), width).length : 0;
	let count = 0;
	for (const row of samples.rows.slice(start - samples.start)) {
		used += sampleLines(row, samples.total, width, samples.classes).length;
		if (used > height) {
			break;
		}

		count++;
	}

	return Math.max(1, count);
}

/** `items` joined by `, ` in at most `lines` lines of `width`: all of them, or as many as fit and `… N more`. */
export function elidedItems(items: readonly string[], width: number, lines: number): string[] {
	const whole = packItems(items, width, 0);
	if (whole.length <= lines) {
		return whole;
	}

	const packed = (shown: number) => packItems([...items.slice(0, shown), `… ${formatCount(items.length - shown)} more`], width, 0);
	// the most items that fit: more items never take fewer lines
	let low = 0;
	let high = items.length - 1;
	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		if (packed(middle).length <= lines) {
			low = middle;
		} else {
			high = middle - 1;
		}
	}

	return packed(low).slice(0, Math.max(1, lines));
}

/** Columns of the labels of one sample's rows. */
const LABEL = 11;

export type SampleField = {readonly label: string; readonly lines: readonly string[]; readonly bold: boolean};

/**
 * One sample as labelled rows within `height` lines: the error one number (the sample's loss),
 * and inputs, target and predicted each whole where they fit, else the longest cut first, down
 * to one line each, with a count of the values left out.
 */
export function sampleFields(row: SampleRow, width: number, height: number): SampleField[] {
	const room = Math.max(1, width - LABEL);
	const fields = [
		{label: 'inputs', items: row.inputs.map(value => formatShort(value)), bold: false},
		{label: 'target', items: row.target.map(value => formatShort(value)), bold: false},
		{label: 'predicted', items: row.predicted.map(value => formatPredicted(value)), bold: true},
	];
	const lines = fields.map(field => packItems(field.items, room, 0).length);
	// one line is the error's
	let over = lines.reduce((sum, count) => sum + count, 0) - (height - 1);
	while (over > 0 && lines.some(count => count > 1)) {
		lines[lines.indexOf(Math.max(...lines))]!--;
		over--;
	}

	return [
		...fields.map((field, k) => ({label: field.label, bold: field.bold, lines: elidedItems(field.items, room, lines[k]!)})),
		{label: 'error', bold: true, lines: [formatError(row.error)]},
	];
}

/** Each sample: inputs, predicted output, target and error; one sample is shown as a list. */
export function SamplesPanel({samples, start, followed, height, width}: SamplesPanelProps) {
	const only = samples.total === 1 ? samples.rows[0] : undefined;
	if (only) {
		const lines = sampleFields(only, width, height).flatMap(({label, lines, bold}) =>
			lines.map((text, k) => ({key: `${label}${k}`, label: k === 0 ? label : '', text, bold})),
		);
		return (
			<Box flexDirection="column">
				{lines.slice(0, Math.max(1, height)).map(line => (
					<Text key={line.key}>
						{line.label.padEnd(LABEL)}
						<Text bold={line.bold}>{line.text}</Text>
					</Text>
				))}
			</Box>
		);
	}

	const first = Math.max(samples.start, Math.min(start, samples.total - 1));
	const count = samplesThatFit(samples, first, height, width);
	const shown = samples.rows.slice(first - samples.start, first - samples.start + count);
	const footer = wrapParts(footerOf(first, shown.length, samples.total), width);
	// whole lines only: a sample too long for a tiny panel loses its last lines, never the footer
	const lines = shown
		.flatMap(row =>
			sampleLines(row, samples.total, width, samples.classes).map((text, k) => ({key: `${row.index}.${k}`, text, inverse: row.index === followed && k === 0})),
		)
		.slice(0, Math.max(0, height - footer.length));
	return (
		<Box flexDirection="column">
			{lines.map(line => (
				<Text key={line.key} inverse={line.inverse}>
					{line.text}
				</Text>
			))}
			{footer.map((text, k) => (
				<Text key={`footer.${k}`} dimColor>
					{text}
				</Text>
			))}
		</Box>
	);
}
