import {Box, Text} from 'ink';
import {fit, formatNumber} from '../format.js';

export type SampleRow = {
	readonly inputs: readonly number[];
	readonly target: readonly number[];
	/** Undefined before the first iteration. */
	readonly predicted: readonly number[] | undefined;
	/** This sample's error: the sum over outputs of (predicted - target)^2. */
	readonly error: number | undefined;
};

export type SamplesPanelProps = {
	readonly rows: readonly SampleRow[];
	/** First row shown (the panel scrolls when there are many). */
	readonly start: number;
	readonly height: number;
	readonly width: number;
};

// inputs and targets are data: shown as given, not rounded
const data = (values: readonly number[]) => values.join(', ');
const computed = (values: readonly number[] | undefined) => (values ? values.map(v => formatNumber(v)).join(', ') : '–');

/** Each sample: inputs, target, predicted output and its error; one sample is shown as a list. */
export function SamplesPanel({rows, start, height, width}: SamplesPanelProps) {
	const only = rows.length === 1 ? rows[0] : undefined;
	if (only && height >= 4) {
		const line = (label: string, value: string, bold = false) => (
			<Text wrap="truncate-end">
				{label.padEnd(11)}
				<Text bold={bold}>{fit(value, width - 11)}</Text>
			</Text>
		);
		return (
			<Box flexDirection="column">
				{line('inputs', data(only.inputs))}
				{line('target', data(only.target))}
				{line('predicted', computed(only.predicted), true)}
				{line('error', formatNumber(only.error), true)}
			</Box>
		);
	}

	const visible = rows.length > height ? Math.max(1, height - 1) : height;
	const first = Math.min(start, Math.max(0, rows.length - visible));
	const shown = rows.slice(first, first + visible);
	const number = String(rows.length).length + 1;
	return (
		<Box flexDirection="column">
			{shown.map((row, k) => {
				const tail = ` → ${computed(row.predicted)} (target ${data(row.target)}, error ${formatNumber(row.error)})`;
				const head = `#${first + k + 1}`.padEnd(number + 1);
				return (
					<Text key={first + k} wrap="truncate-end">
						{head}
						{fit(data(row.inputs), Math.max(6, width - head.length - tail.length))}
						<Text bold>{tail}</Text>
					</Text>
				);
			})}
			{rows.length > visible ? (
				<Text dimColor>
					samples {first + 1}–{first + shown.length} of {rows.length}
				</Text>
			) : null}
		</Box>
	);
}
