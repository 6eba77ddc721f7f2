import {Box, Text} from 'ink';
import type {Window} from '../../session/views/context.js';
import type {SampleRow} from '../../session/views/samples.js';
import {formatCount, formatData, formatNumber} from '../../session/format.js';
import {wrapText} from '../text.js';

export type SamplesPanelProps = {
	readonly samples: Window<SampleRow>;
	/** First sample shown. */
	readonly start: number;
	/** The sample the chain and the diagram follow: marked. */
	readonly followed: number;
	readonly height: number;
	readonly width: number;
};

const computed = (values: readonly number[]) => values.map(value => formatNumber(value)).join(', ');

/** The lines of one sample: `#3 inputs → predicted (target t, error e)`, wrapped to the panel, never cut. */
export function sampleLines(row: SampleRow, total: number, width: number): string[] {
	const mark = row.test ? ' test' : '';
	const head = `#${row.index + 1}${mark}`.padEnd(String(total).length + 1 + (mark ? 5 : 0));
	return wrapText(
		`${head} ${formatData(row.inputs)} → ${computed(row.predicted)} (target ${formatData(row.target)}, error ${formatNumber(row.error)})`,
		width,
		head.length + 1,
	);
}

/** The last line: which samples are shown, and the keys that scroll them. */
function footerOf(first: number, count: number, total: number): string {
	return `samples ${formatCount(first + 1)}–${formatCount(first + count)} of ${formatCount(total)}${total > count ? ' · PgUp PgDn' : ''}`;
}

/** How many samples from `start` fill `height` lines, the footer's lines (at their widest) among them. */
export function samplesThatFit(samples: Window<SampleRow>, start: number, height: number, width: number): number {
	let used = samples.total > 1 ? wrapText(footerOf(samples.total - 1, 1, samples.total + 1), width).length : 0;
	let count = 0;
	for (const row of samples.rows.slice(start - samples.start)) {
		used += sampleLines(row, samples.total, width).length;
		if (used > height) {
			break;
		}

		count++;
	}

	return Math.max(1, count);
}

/** Each sample: inputs, predicted output, target and error; one sample is shown as a list. */
export function SamplesPanel({samples, start, followed, height, width}: SamplesPanelProps) {
	const only = samples.total === 1 ? samples.rows[0] : undefined;
	if (only) {
		const line = (label: string, value: string, bold = false) =>
			wrapText(value, width - 11, 0).map((text, k) => (
				<Text key={`${label}${k}`}>
					{(k === 0 ? label : '').padEnd(11)}
					<Text bold={bold}>{text}</Text>
				</Text>
			));
		return (
			<Box flexDirection="column">
				{line('inputs', formatData(only.inputs))}
				{line('target', formatData(only.target))}
				{line('predicted', computed(only.predicted), true)}
				{line('error', formatNumber(only.error), true)}
			</Box>
		);
	}

	const first = Math.max(samples.start, Math.min(start, samples.total - 1));
	const count = samplesThatFit(samples, first, height, width);
	const shown = samples.rows.slice(first - samples.start, first - samples.start + count);
	const footer = wrapText(footerOf(first, shown.length, samples.total), width);
	// whole lines only: a sample too long for a tiny panel loses its last lines, never the footer
	const lines = shown
		.flatMap(row => sampleLines(row, samples.total, width).map((text, k) => ({key: `${row.index}.${k}`, text, inverse: row.index === followed && k === 0})))
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
