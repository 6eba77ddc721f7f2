import {expect, test} from 'vitest';
import {startDashboard, closeTerminalsAfterEach} from './terminals.js';

closeTerminalsAfterEach();

/** The background colours of the last whole frame, in order: only the map's cells have one. */
function mapColours(output: string): string {
	const end = output.lastIndexOf('\u001B[?2026l');
	const frame = output.slice(output.lastIndexOf('\u001B[?2026h', end), end);
	return [...frame.matchAll(/48;5;(\d+)m/g)].map(match => match[1]).join(',');
}

const accuracyOf = (screen: string) => Number(/accuracy ([\d.]+) %/.exec(screen)?.[1] ?? Number.NaN);

test('--preset spiral: the map shows the samples, and its colours change as the network learns while accuracy rises', async () => {
	const term = await startDashboard(['--preset', 'spiral', '--seed', '1', '--paused'], {cols: 120, rows: 40});
	let screen = await term.waitFor('─ Map');
	expect(screen).toContain('● train  ◆ test');
	expect(screen).toMatch(/→ x1 -1 … 1, ↑ x2 -1 … 1/);
	const before = mapColours(term.output);
	const first = accuracyOf(screen);
	await term.press('n', 10);
	screen = await term.waitFor('iteration 1,000 / 5,000', 20_000);
	await term.waitUntil(() => mapColours(term.output) !== before, 5000, 'the map to change');
	expect(accuracyOf(screen)).toBeGreaterThan(first);
	expect(accuracyOf(screen)).toBeGreaterThan(90);
});

test('with NO_COLOR the map is drawn in shades and marks, without colour codes', async () => {
	const term = await startDashboard(['--preset', 'circle', '--seed', '1', '--paused'], {cols: 120, rows: 40, env: {NO_COLOR: '1'}});
	const screen = await term.waitFor('─ Map');
	expect(screen).toMatch(/[░▒▓█]/);
	expect(screen).toContain('o x train  O X test');
	expect(term.output).not.toMatch(/48;5;\d+m/);
});

test("at 80×24 m puts the map in the chart's place", async () => {
	const term = await startDashboard(['--preset', 'xor-cloud', '--seed', '1', '--paused'], {cols: 80, rows: 24});
	await term.waitFor('─ Error');
	await term.press('m');
	const screen = await term.waitFor('─ Map');
	expect(screen).not.toContain('─ Error');
});

/** The map's own lines at the top of its panel (above the axes line), each as wide as the panel's inside. */
function mapCells(screen: string): {lines: number; columns: number} {
	const lines = screen.split('\n');
	const top = lines.findIndex(line => line.includes('╭─ Map'));
	const left = lines[top]!.indexOf('╭─ Map');
	const right = lines[top]!.indexOf('╮', left);
	let count = 0;
	for (const line of lines.slice(top + 1)) {
		if (line[left] !== '│' || line.includes('→ x1')) {
			break;
		}

		count++;
	}

	return {lines: count, columns: right - left - 3};
}

test('at 80×24 the map shown with m is 27 cells wide and at least 10 lines tall, so the circle can be recognised (issue 21: 5 before)', async () => {
	const term = await startDashboard(['--preset', 'circle', '--seed', '2', '--paused'], {cols: 80, rows: 24});
	await term.waitFor('─ Error');
	await term.press('m');
	const screen = await term.waitFor('─ Map');
	const cells = mapCells(screen);
	expect(cells.columns, screen).toBeGreaterThanOrEqual(27);
	expect(cells.lines, screen).toBeGreaterThanOrEqual(10);
	// the legend stays whole under it
	expect(screen).toContain('● train  ◆ test');
});
