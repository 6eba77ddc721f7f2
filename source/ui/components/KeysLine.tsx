import {Text} from 'ink';

/** Every key: its short name for the keys line and its name in help (two must fit a row at 80 columns), in the order a learner needs them. */
export const KEYS: ReadonlyArray<readonly [key: string, short: string, long: string]> = [
	['space', 'run/pause', 'pause / run'],
	['s →', 'step', 'one iteration'],
	['n', '+100', '100 iterations'],
	['r', 'reset', "reset to the seed's weights"],
	['g', 'grad check', 'gradient check'],
	['[ ]', 'lr ÷2 ×2', 'learning rate ÷2 ×2'],
	['↑ ↓', 'select', 'select weight'],
	['R', 'new seed', 'reset with a new seed'],
	['+ -', 'speed', 'speed ×10 ÷10'],
	['l', 'log', 'log scale'],
	['c', 'chart', 'error / output chart'],
	['d', 'diagram', 'network diagram'],
	['x', 'clear compare', 'clear the previous curve'],
	['e', 'export CSV', 'export history CSV'],
	['w', 'checkpoint', 'write a checkpoint'],
	['?', 'help', 'help'],
	['q', 'quit', 'quit'],
];

export type KeysLineProps = {
	readonly width: number;
	/** A message replaces the keys for a few seconds (e.g. where a file was written). */
	readonly message?: string | undefined;
};

/** One line: what every key does, as much as fits; `?` explains them all. */
export function KeysLine({width, message}: KeysLineProps) {
	if (message) {
		return (
			<Text color="yellow" wrap="truncate-end">
				{message}
			</Text>
		);
	}

	// as many keys as fit, in order, and always the way to the rest: `? help · q quit`
	const always = KEYS.filter(([key]) => key === '?' || key === 'q').map(([key, short]) => `${key} ${short}`);
	const parts: string[] = [];
	let used = always.join(' · ').length;
	for (const [key, short] of KEYS) {
		const part = `${key} ${short}`;
		if (key === '?' || key === 'q' || used + part.length + 3 > width) {
			continue;
		}

		parts.push(part);
		used += part.length + 3;
	}

	parts.push(...always);
	return (
		<Text dimColor wrap="truncate-end">
			{parts.join(' · ')}
		</Text>
	);
}
