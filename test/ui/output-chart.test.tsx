import {afterEach, expect, test} from 'vitest';
import {closeDashboards, iterationOf, openDashboard} from '../helpers/ui.js';

afterEach(closeDashboards);

test.each([[['--preset', 'xor', '--seed', '0', '--paused']], [['--preset', 'circle', '--seed', '0', '--paused']]])(
	'c: the output chart names the sample it follows, the first training sample (%j) (issue 21, from the new-user try)',
	async args => {
		const dashboard = await openDashboard(args, {columns: 120, rows: 40});
		let screen = await dashboard.press('n', frame => iterationOf(frame) === 100);
		// the samples panel marks the held-out samples: the first row without the mark is the first training sample
		const first = /│ #(\d+) +(?!test)/.exec(screen)?.[1];
		expect(first).toBeDefined();
		screen = await dashboard.press('c', 'Predicted and target');
		// before: 'Predicted and target' alone, in xor never saying which of the 4 samples it draws
		expect(screen).toContain(`Predicted and target sample #${first!}`);
	},
);
