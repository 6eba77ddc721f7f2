import {expect, test} from 'vitest';
import {afterDashboard, startDashboard, closeTerminalsAfterEach} from './terminals.js';

closeTerminalsAfterEach();

test('--speed max --iterations 20000 reaches done; r and q still work afterwards', async () => {
	const term = await startDashboard(['--seed', '0', '--speed', 'max', '--iterations', '20000'], {cols: 100, rows: 30});
	await term.waitFor(/^done · iteration 20,000 \/ 20,000/m, 20_000);
	await term.press('space');
	await term.waitFor('done at the limit, 20,000: r resets; --iterations sets a longer run');
	await term.press('r');
	await term.waitFor(/iteration 0 \/ 20,000|running · iteration/);
	await term.press('q');
	expect((await term.exit()).exitCode).toBe(0);
});

test('--lr 1000 --activation linear diverges and says at which iteration; g says why there is nothing to check', async () => {
	const term = await startDashboard(['--seed', '0', '--lr', '1000', '--activation', 'linear', '--speed', 'max'], {cols: 120, rows: 40});
	const screen = await term.waitFor(/^diverged at iteration [\d,]+/m, 10_000);
	expect(screen).not.toMatch(/\d…|…\d/);
	await term.press('g');
	await term.waitFor('nothing to check, the run diverged at iteration');
	await term.press('q');
	const after = afterDashboard((await term.exit()).output);
	expect(after[1]).toMatch(/^diverged at iteration [\d,]+: the error or a weight is no longer a finite number/);
});
