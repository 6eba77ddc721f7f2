import {expect, test} from 'vitest';
import {afterDashboard, lineWith, startTerminal, useTerminals} from './terminal.js';

useTerminals();

test('--speed max --iterations 20000 reaches done; r and q still work afterwards', async () => {
	const term = startTerminal(['--seed', '0', '--speed', 'max', '--iterations', '20000'], {cols: 120, rows: 40});
	let screen = await term.waitFor(/^done · iteration 20,000 \/ 20,000/m, 15_000);
	await term.waitForRawMode();
	expect(screen).toContain('speed max');
	// the error has come down from the first iteration's 0.334635
	const error = /· error ([\d.e+-]+)/.exec(lineWith(screen, /^done ·/)!)?.[1];
	expect(Number(error)).toBeGreaterThan(0);
	expect(Number(error)).toBeLessThan(0.01);
	expect(screen).toContain('Chain of W11 (x1 → h1) at iteration 20,000');

	// r: back to the start, the previous curve kept for comparison
	await term.press('r');
	screen = await term.waitFor(/iteration 0 \/ 20,000/);
	expect(lineWith(screen, 'W11')).toMatch(/W11\s+x1 → h1\s+0\.548814\s/);

	await term.press('q');
	const result = await term.exit();
	expect(result.exitCode).toBe(0);
	const summary = afterDashboard(result.output);
	expect(summary).toHaveLength(1);
	expect(summary[0]).toMatch(/^descent: .*iteration 0 \/ 20,000.*seed 0/);
});

test('--lr 1000 --activation linear diverges and says at which iteration', async () => {
	const term = startTerminal(['--lr', '1000', '--activation', 'linear', '--speed', 'max', '--seed', '0'], {cols: 120, rows: 40});
	const screen = await term.waitFor(/^diverged at iteration [\d,]+ · iteration [\d,]+ \/ 80,000/m, 15_000);
	await term.waitForRawMode();
	const at = /^diverged at iteration ([\d,]+)/m.exec(screen)![1]!;
	expect(screen).toContain('linear');
	expect(screen).toContain('learning rate 1000');

	// it stays diverged: no more iterations run
	await term.press('space');
	await term.waitFor(/press r to reset/);
	expect(await term.screen()).toMatch(new RegExp(`^diverged at iteration ${at} · iteration ${at} /`, 'm'));

	await term.press('q');
	const result = await term.exit();
	expect(result.exitCode).toBe(0);
	expect(afterDashboard(result.output)[0]).toMatch(new RegExp(`^descent: diverged at iteration ${at} .*seed 0`));
});
