import {describe, expect, test} from 'vitest';
import {afterDashboard, closeTerminalsAfterEach, lineWith, startDashboard} from './terminals.js';

closeTerminalsAfterEach();

/** The Lanes panel's iteration column, lane by lane: the number after each lane's name. */
function laneIterations(screen: string): number[] {
	return screen
		.split('\n')
		.map(line => /│ [▶ ] (\d) \S.*?\s{2,}([\d,]+)\s{2,}\d/.exec(line))
		.filter(match => match !== null)
		.map(match => Number(match[2]!.replaceAll(',', '')));
}

describe('--race in the dashboard', () => {
	test('two lanes: the legend and the table; 2 shows lane 2 in the weights table; s steps both; the summary is per lane', async () => {
		const term = await startDashboard(['--seed', '0', '--paused', '--race', '--lr 0.001', '--race', '--lr 0.01'], {cols: 120, rows: 40});
		await term.press('n');
		await term.waitFor(/^paused · iteration 100 \/ 80,000/m);
		let screen = await term.waitFor(/▶1 lr 0\.001: [\d.]+ · 2 lr 0\.01: [\d.]+/);
		expect(screen).toContain('╭─ Lanes');
		expect(laneIterations(screen)).toEqual([100, 100]);
		expect(lineWith(screen, 'descent 3 → 2 → 1')).toContain('lane 1 of 2: lr 0.001');
		const before = lineWith(screen, 'W41 ');
		await term.press('2');
		screen = await term.waitFor('lane 2 of 2: lr 0.01');
		expect(lineWith(screen, 'W41 ')).not.toBe(before);
		expect(screen).toMatch(/▶ 2 lr 0\.01/);
		await term.press('s');
		screen = await term.waitFor(/^paused · iteration 101 \/ 80,000/m);
		expect(laneIterations(screen)).toEqual([101, 101]);
		await term.press('q');
		const after = afterDashboard((await term.exit()).output);
		expect(after).toContain('lane 1: --lr 0.001');
		expect(after).toContain('lane 2: --lr 0.01');
		expect(after.filter(line => line.startsWith('  reproduce: descent --lr 0.01 --iterations 101 --seed 0'))).toHaveLength(1);
	});
});
