import {afterEach, describe, expect, test} from 'vitest';
import type {MapData, MapPoint} from '../../source/session/views/map.js';
import {MapPanel} from '../../source/ui/components/MapPanel.js';
import {MARKED_SHARE} from '../../source/ui/map-marks.js';
import {closeDashboards, frameAt, linesOf, openDashboard, panelLines, plain} from '../helpers/ui.js';

afterEach(closeDashboards);

const MARKS = /[oxOX◐]/gu;
/** A panel's lines as one text, a wrapped line's parts joined by one space. */
const joined = (lines: readonly string[]) => lines.join(' ').replaceAll(/\s+/g, ' ');

/** The map's own lines in a panel's lines: those above the footer's axes line. */
const mapRows = (lines: readonly string[]) =>
	lines.slice(
		0,
		lines.findIndex(line => line.startsWith('→ x1')),
	);

describe('the map where samples crowd (issue 21)', () => {
	// a plane of 8 × 4 cells (8 × 8 pixels) over [0, 1]², the network's output 0.5 everywhere
	const mapWith = (points: MapPoint[]): MapData => ({
		x1: [0, 1],
		x2: [0, 1],
		output: {columns: 8, rows: 8, values: Array.from({length: 64}, () => 0.5)},
		range: [0, 1],
		classes: false,
		pointClasses: true,
		neurons: undefined,
		points,
		costMs: 0,
	});
	const at = (column: number, line: number, value: number, test = false): MapPoint => ({x1: (column + 0.5) / 8, x2: 1 - (line + 0.5) / 4, value, test});
	const draw = (map: MapData) =>
		linesOf(plain(frameAt(<MapPanel map={map} style={{colour: false, discrete: false}} marked={undefined} layers={[2, 1]} width={40} height={10} />)));

	test("one mark a cell: the cell's most common class, ◐ for a tie; the legend counts samples and marks", () => {
		// three of class 0 and one of class 1 (drawn last) in the top left cell; one of each in the top right one
		const lines = draw(mapWith([at(0, 0, 0), at(0, 0, 0), at(0, 0, 0), at(0, 0, 1), at(7, 0, 0), at(7, 0, 1)]));
		expect(lines[0]![0]).toBe('o');
		expect(lines[0]![7]).toBe('◐');
		expect(lines.slice(0, 4).join('').match(MARKS)).toHaveLength(2);
		expect(joined(lines)).toContain('6 samples, 2 marks: majority of a cell (◐ tie)');
	});

	test('a sample in every cell: gathered in blocks so that a quarter of the cells at most is marked, the legend saying so', () => {
		const points = Array.from({length: 32}, (_, k) => at(k % 8, Math.floor(k / 8), k % 2));
		const lines = draw(mapWith(points));
		const marks = lines.slice(0, 4).join('').match(MARKS) ?? [];
		expect(marks.length).toBeGreaterThan(0);
		expect(marks.length).toBeLessThanOrEqual(32 * MARKED_SHARE);
		const legend = /32 samples, (\d+) marks: majority of (\d+)×(\d+) cells/.exec(joined(lines));
		expect(legend, lines.join('\n')).not.toBeNull();
		expect(Number(legend![1])).toBe(marks.length);
		// the blocks cover the map: one mark for each block that holds samples, and every block here does
		expect(marks.length).toBe(Math.ceil(8 / Number(legend![2])) * Math.ceil(4 / Number(legend![3])));
	});

	test('a footer longer than the grid was asked for leaves its last lines out: the panel never draws a line over another', () => {
		const map = mapWith([at(0, 0, 0), at(7, 0, 1)]);
		for (const height of [3, 4, 5, 6]) {
			const lines = linesOf(
				plain(frameAt(<MapPanel map={map} style={{colour: false, discrete: false}} marked={undefined} layers={[2, 1]} width={40} height={height} />)),
			);
			expect(lines.length, `height ${height}`).toBeLessThanOrEqual(Math.max(height, 4));
			// the grid's 4 lines whole, no word of the footer drawn over them
			expect(
				lines.slice(0, 4).every(line => !line.includes('→') && !/[a-z]{3}/.test(line)),
				`height ${height}: ${lines.join('\n')}`,
			).toBe(true);
		}
	});

	test('--preset circle --seed 2 at 120×40: three cells of four show the network, and the legend counts the 200 samples', async () => {
		const dashboard = await openDashboard(['--preset', 'circle', '--seed', '2', '--paused'], {columns: 120, rows: 40});
		const frame = await dashboard.until('╭─ Map');
		const lines = panelLines(frame, 'Map');
		const rows = mapRows(lines);
		const cells = rows.reduce((sum, row) => sum + [...row].length, 0);
		const marks = rows.join('').match(MARKS) ?? [];
		expect(rows.length).toBeGreaterThan(4);
		expect(marks.length, rows.join('\n')).toBeLessThanOrEqual(cells * MARKED_SHARE);
		expect(joined(lines)).toMatch(new RegExp(`200 samples, ${marks.length} marks: majority of`));
	});
});

describe('L: each neuron of a hidden layer over the plane, named as the weights table names it (issue 21)', () => {
	test('spiral (2 → 8 → 8 → 1) at 120×40: the title and a name over each map, every neuron of the layer shown; then layer 2; then the map', async () => {
		const dashboard = await openDashboard(['--preset', 'spiral', '--seed', '1', '--paused'], {columns: 120, rows: 40});
		await dashboard.until('╭─ Map');
		for (const layer of [1, 2]) {
			const frame = await dashboard.press('L', `╭─ Neurons h${layer}.1 … h${layer}.8`);
			const text = panelLines(frame, `Neurons h${layer}.1`).join('\n');
			for (let j = 1; j <= 8; j++) {
				expect(text, `h${layer}.${j}`).toMatch(new RegExp(`(^|\\s|\\[)h${layer}\\.${j}(\\]|\\s|$)`, 'm'));
			}

			expect(text).not.toContain('more neurons');
			expect(text).not.toContain('train');
		}

		await dashboard.press('L', '╭─ Map');
	});

	test("circle (2 → 4 → 1) at 80×24 after m and L: neurons h1 … h4, the selected weight's marked and said", async () => {
		const dashboard = await openDashboard(['--preset', 'circle', '--seed', '2', '--paused'], {columns: 80, rows: 24});
		await dashboard.press('m', '╭─ Map');
		const frame = await dashboard.press('L', '╭─ Neurons h1 … h4');
		const text = panelLines(frame, 'Neurons h1').join('\n');
		expect(text).toMatch(/\[h1\]\s+h2\s/);
		expect(text).toMatch(/(^|\s)h3(\s|$)/m);
		expect(text).toMatch(/(^|\s)h4(\s|$)/m);
		expect(text).toContain('[h1] ← selected weight');
	});
});
