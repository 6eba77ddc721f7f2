import {afterEach, expect, test} from 'vitest';
import {closeDashboards, iterationOf, openDashboard, panelLines} from '../helpers/ui.js';

afterEach(closeDashboards);

test('g at 120×40 keeps the screen as it was: the check column takes the link column’s place, the network diagram and the chain’s check line stay (issue 21, from the new-user try)', async () => {
	const dashboard = await openDashboard(['--seed', '0', '--paused'], {columns: 120, rows: 40});
	let screen = await dashboard.press('n', frame => iterationOf(frame) === 100);
	expect(screen).toContain('╭─ Network');
	screen = await dashboard.press(['j', 'j', 'j', 'j', 'j', 'j'], 'Chain of W41');
	screen = await dashboard.press('g', 'g check: largest');
	// before: the table grew by its check column, the diagram no longer fitted beside it and left the screen,
	// and the chain, given fewer lines, put the finite differences on a second page
	expect(screen).toContain('╭─ Network');
	expect(panelLines(screen, 'Weights')[0]).toMatch(/^weight\s+value\s+change\s+gradient\s+check$/);
	const chain = panelLines(screen, 'Chain of W41').join('\n');
	expect(chain).toMatch(/finite differences = [\d.]+, relative\s+difference \d\.\de-\d+/);
	expect(chain).not.toContain('Tab turns');
});
