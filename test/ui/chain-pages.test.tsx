import {afterEach, describe, expect, test} from 'vitest';
import {paginate} from '../../source/ui/components/ChainPanel.js';
import {closeDashboards, iterationOf, openDashboard, panelLines} from '../helpers/ui.js';

afterEach(closeDashboards);

describe("the chain panel's pages (issue 21, bug 8)", () => {
	test('circle, seed 2, at 80×24: no page ends between a label and its value; every line is on a page', async () => {
		const dashboard = await openDashboard(['--preset', 'circle', '--seed', '2', '--paused'], {columns: 80, rows: 24});
		let screen = await dashboard.press('s', frame => iterationOf(frame) === 1 && frame.includes('page 1 of'));
		const pageCount = Number(/page 1 of (\d+)/.exec(screen)![1]);
		expect(pageCount).toBeGreaterThan(1);
		const pages: string[][] = [];
		for (let page = 1; page <= pageCount; page++) {
			if (page > 1) {
				screen = await dashboard.press('\t', `page ${page} of ${pageCount}`);
			}

			const lines = panelLines(screen, 'Chain of W11');
			pages.push(
				lines.slice(
					0,
					lines.findIndex(line => line.startsWith('page ')),
				),
			);
		}

		for (const [k, page] of pages.entries()) {
			// a wrapped line's rest is indented: it never opens a page, and a page never ends on a label
			expect(page[0], `page ${k + 1}`).toMatch(/^\S/);
			expect(page.at(-1), `page ${k + 1}`).not.toMatch(/=$/);
		}

		const all = pages.flat().join('\n');
		expect(all).toMatch(/gradient = mean of 160 samples' g1·g2·g3·g4 =\s+-?\d/);
		expect(all).toMatch(/^change = .* = [-+]?\d/m);
	});

	test('paginate keeps each group on one page, and breaks only a group longer than a page', () => {
		const groups = [['a'], ['b1', 'b2'], ['c'], ['d1', 'd2', 'd3', 'd4', 'd5']];
		expect(paginate(groups, 10)).toEqual([['a', 'b1', 'b2', 'c', 'd1', 'd2', 'd3', 'd4', 'd5']]);
		expect(paginate(groups, 3)).toEqual([['a'], ['b1', 'b2'], ['c'], ['d1', 'd2'], ['d3', 'd4'], ['d5']]);
		expect(paginate(groups, 4)).toEqual([['a', 'b1', 'b2'], ['c'], ['d1', 'd2', 'd3'], ['d4', 'd5']]);
	});
});
