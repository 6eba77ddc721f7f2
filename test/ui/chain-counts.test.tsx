import {afterEach, describe, expect, test} from 'vitest';
import {closeDashboards, iterationOf, openDashboard, panelLines} from '../helpers/ui.js';

afterEach(closeDashboards);

/** A count of four digits or more written without its thousands separator (not a decimal's digits, nor a power's exponent). */
const BARE_COUNT = /(?<![\d.^e])\d{4,}/;

describe("the chain panel's counts read as every other panel's (issue 21)", () => {
	test('a batch of 1,500 samples: the sample line and the mean say 1,500, with the separator', async () => {
		const dashboard = await openDashboard(['--dataset', 'spiral', '--samples', '1500', '--layers', '2,4,1', '--seed', '0', '--paused'], {
			columns: 120,
			rows: 40,
		});
		const screen = await dashboard.press('s', frame => iterationOf(frame) === 1 && panelLines(frame, 'Chain of').some(line => line.includes('mean of')));
		const text = panelLines(screen, 'Chain of').join(' ');
		expect(text).toContain('1 of the 1,500 in the batch');
		expect(text).toContain("mean of 1,500 samples'");
		expect(text).not.toMatch(BARE_COUNT);
	});
});
