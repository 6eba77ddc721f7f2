import path from 'node:path';
import {isDeepStrictEqual} from 'node:util';
import {describe, expect, test} from 'vitest';
import {temporaryFolder} from '../helpers/run-cli.js';
import {panelLines} from '../helpers/ui.js';
import {closeTerminalsAfterEach, lineWith, startDashboard, type TerminalSession} from './terminals.js';

closeTerminalsAfterEach();

const SIZE = {cols: 120, rows: 40};

/** What the screen says of the iteration shown: the status line (its clock left out) and the lines of the weights, the samples, the chain, the network and the map. */
function numbersOf(screen: string) {
	const status = lineWith(screen, / · iteration [\d,]+ \//)?.replace(/ · [\d.]+ (?:ms|s|min) · /, ' · ');
	const panels: Record<string, string[]> = Object.fromEntries(
		['Weights', 'Samples', 'Chain of', 'Network', 'Map'].map(title => [title, panelLines(screen, title)]),
	);
	return {status, panels};
}

/** The screen once it shows these numbers (the map comes a frame after the rest), else as it is after 5 s, for the test's diff. */
async function showing(term: TerminalSession, numbers: ReturnType<typeof numbersOf>): Promise<string> {
	return term.waitUntil(screen => isDeepStrictEqual(numbersOf(screen), numbers), 5000, 'the numbers of the run').catch(async () => term.screen());
}

describe('a run written with w and opened with --load shows what it showed at that iteration', () => {
	test.each([
		['the tutorial', ['--seed', '0'], 30, ''],
		['xor with adam', ['--preset', 'xor', '--seed', '1', '--optimizer', 'adam'], 5, ''],
		// the map over the dataset's box, not the samples' (the checkpoint keeps it)
		[
			'circle with momentum 0.5 and a test split',
			['--preset', 'circle', '--seed', '2', '--optimizer', 'momentum', '--momentum', '0.5'],
			2,
			'→ x1 -1 … 1, ↑ x2 -1 … 1',
		],
	] as const)('%s: the status line, the weights, the samples, the chain, the network and the map; after s and b too', async (_name, flags, hundreds, box) => {
		const cwd = temporaryFolder('loaded');
		const iteration = (hundreds * 100).toLocaleString('en-US');
		const run = await startDashboard([...flags, '--paused'], {...SIZE, cwd});
		await run.press('n', hundreds);
		await run.waitFor(`iteration ${iteration} /`, 10_000);
		await run.press('w');
		const file = `descent-${flags[flags.indexOf('--seed') + 1]}-${hundreds * 100}.json`;
		const straight = numbersOf(await run.waitFor(`wrote checkpoint ${file}`));
		await run.press('q');
		await run.exit();
		expect(straight.status).toMatch(new RegExp(`^paused · iteration ${iteration} / .* error \\d`));
		expect(straight.panels['Samples']!.join('\n')).toMatch(/predicted|→/);
		expect(straight.panels['Map']!.join('\n')).toContain(box);

		const loaded = await startDashboard(['--load', path.join(cwd, file), '--paused'], {...SIZE, cwd});
		await loaded.waitFor(`iteration ${iteration} /`);
		expect(numbersOf(await showing(loaded, straight))).toEqual(straight);
		await loaded.press('s');
		await loaded.waitFor(`iteration ${(hundreds * 100 + 1).toLocaleString('en-US')} /`);
		await loaded.press('b');
		await loaded.waitFor(`iteration ${iteration} /`);
		expect(numbersOf(await showing(loaded, straight))).toEqual(straight);
	});
});
