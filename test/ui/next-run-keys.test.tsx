import {afterEach, describe, expect, test} from 'vitest';
import {OPTIMIZERS} from '../../source/core/maths/optimizers.js';
import {closeDashboards, openDashboard} from '../helpers/ui.js';

afterEach(closeDashboards);

/** The line under the keys: what the last key said. */
const lastLine = (screen: string) => screen.trimEnd().split('\n').at(-1)!;

describe('o and B step from the choice waiting for the next run, round every choice (issue 21)', () => {
	test('the tutorial (sgd): o goes through every optimizer and back to sgd; r trains with the one chosen', async () => {
		const dashboard = await openDashboard(['--seed', '0', '--paused'], {columns: 120, rows: 40});
		await dashboard.until('Weights');
		const {names} = OPTIMIZERS;
		expect(names[0]).toBe('sgd');
		for (const name of [...names.slice(1), 'sgd']) {
			const said = `the next run (r or R) trains with ${name}`;
			await dashboard.press('o', screen => lastLine(screen) === said);
		}

		await dashboard.press('o', screen => lastLine(screen) === 'the next run (r or R) trains with momentum');
		await dashboard.press('o', screen => lastLine(screen) === 'the next run (r or R) trains with adam');
		const screen = await dashboard.press('r', screen => screen.includes('adam'));
		expect(screen).toContain('adam');
	});

	test('xor (4 training samples, every one in each batch): B goes 1, 2 (the powers of two below 4), every sample, then 1 again', async () => {
		const dashboard = await openDashboard(['--preset', 'xor', '--seed', '0', '--paused'], {columns: 120, rows: 40});
		await dashboard.until('Weights');
		const batches = ['batches of 1', 'batches of 2', 'every training sample in each batch', 'batches of 1'];
		for (const words of batches) {
			const said = `the next run (r or R) trains with ${words}`;
			await dashboard.press('B', screen => lastLine(screen) === said);
		}
	});

	test('the tutorial has one training sample: B says it has nothing to choose', async () => {
		const dashboard = await openDashboard(['--seed', '0', '--paused'], {columns: 120, rows: 40});
		await dashboard.until('Weights');
		const said = 'B has nothing to choose: this run has one training sample, every batch is all of it';
		await dashboard.press('B', screen => lastLine(screen) === said);
	});
});
