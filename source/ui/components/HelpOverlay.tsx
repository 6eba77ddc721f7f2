import {Box, Text} from 'ink';
import {KEYS} from './KeysLine.js';

export const PANELS: ReadonlyArray<readonly [string, string]> = [
	['Status', 'the network, learning rate, seed, state, iteration, speed, time and the error of the last iteration.'],
	['Weights', 'every weight (the tutorial names them W11 … W42), its value, its change in the last iteration and its gradient.'],
	['Chart', 'the error over all iterations so far; c shows the predicted output and the target instead, l a log scale.'],
	['Chain', "the selected weight's gradient as the chain rule: each derivative from the error down to the weight, and their product."],
	['Samples', 'each sample: its inputs, target, predicted output and error (PgUp / PgDn scroll).'],
	['Diagram', 'the network as the tutorial draws it: each neuron with its activation, the selected connection highlighted.'],
	['Gradient check', 'g recomputes every gradient by central finite differences and shows the relative difference of each.'],
	['Compare', 'after r or R the previous error curve stays on the chart, dimmer, until x clears it.'],
];

const ALL_KEYS: ReadonlyArray<readonly [string, string]> = [...KEYS, ['PgUp PgDn', 'scroll samples'], ['Esc', 'close help, or quit'], ['Ctrl-C', 'quit']];

/** The keys as a grid of `key: what` cells, as many a row as fit. */
function keyRows(width: number): string[] {
	const cells = ALL_KEYS.map(([key, what]) => `${key}: ${what}`);
	const cellWidth = Math.max(...cells.map(cell => cell.length)) + 3;
	const perRow = Math.max(1, Math.floor(width / cellWidth));
	const rows: string[] = [];
	for (let k = 0; k < cells.length; k += perRow) {
		rows.push(cells.slice(k, k + perRow).map(cell => cell.padEnd(cellWidth)).join('').trimEnd());
	}

	return rows;
}

export type HelpOverlayProps = {readonly width: number; readonly height: number};

/** `?`: one sentence per panel and every key. */
export function HelpOverlay({width, height}: HelpOverlayProps) {
	return (
		<Box flexDirection="column" borderStyle="double" borderColor="magenta" paddingX={1} width={width} height={height} overflow="hidden">
			<Text bold>descent: help (? or Esc closes)</Text>
			{PANELS.map(([panel, text]) => (
				<Text key={panel} wrap="truncate-end">
					<Text bold>{panel}</Text>: {text}
				</Text>
			))}
			<Text bold>Keys</Text>
			{keyRows(width - 4).map(row => (
				<Text key={row}>{row}</Text>
			))}
		</Box>
	);
}
