import {Text} from 'ink';

export const KEYS: ReadonlyArray<readonly [string, string]> = [
	['space', 'pause / run'],
	['s →', 'one iteration'],
	['n', '100 iterations'],
	['r', 'reset'],
	['R', 'reset, new seed'],
	['+ -', 'speed'],
	['[ ]', 'learning rate ÷2 ×2'],
	['↑ ↓', 'select weight'],
	['l', 'log scale'],
	['c', 'chart'],
	['g', 'gradient check'],
	['d', 'diagram'],
	['x', 'clear compare'],
	['e', 'export CSV'],
	['w', 'checkpoint'],
	['?', 'help'],
	['q', 'quit'],
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
	const always = KEYS.filter(([key]) => key === '?' || key === 'q').map(([key, what]) => `${key} ${what}`);
	const parts: string[] = [];
	let used = always.join(' · ').length;
	for (const [key, what] of KEYS) {
		const part = `${key} ${what}`;
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
