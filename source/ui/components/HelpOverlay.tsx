import {Box, Text} from 'ink';
import {KEYS} from './KeysLine.js';

/** One sentence a panel; each fits one line at 80 columns. */
export const PANELS: ReadonlyArray<readonly [string, string]> = [
	['Status', 'network, learning rate, seed, state, iteration, speed, time, error.'],
	['Weights', 'each weight (the tutorial’s W11 to W42): value, change, gradient.'],
	['Chart', 'the error over all iterations; c: predicted output, l: log scale.'],
	['Chain', "the selected weight's gradient as a product of derivatives."],
	['Samples', "each sample's inputs, target, predicted output and error."],
	['Network', 'each neuron with its activation; the selected weight highlighted.'],
	['Gradient check', 'g recomputes every gradient by finite differences.'],
	['Compare', "after r or R the last run's curve stays, grey, until x."],
];

const ALL_KEYS: ReadonlyArray<readonly [string, string]> = [
	...KEYS.map(([key, , long]) => [key, long] as const),
	['PgUp PgDn', 'scroll samples'],
	['Esc', 'close help, or quit'],
	['Ctrl-C', 'quit'],
];

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
