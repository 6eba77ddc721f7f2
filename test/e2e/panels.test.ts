import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {lineWith, startDashboard, useTerminals, type TerminalSession} from './terminal.js';

useTerminals();

/** The dashboard paused at iteration 0, seed 0, at 120×40 (wide enough for whole panel titles). */
async function paused(args: readonly string[] = []): Promise<TerminalSession> {
	return startDashboard(['--seed', '0', '--paused', ...args], {cols: 120, rows: 40});
}

describe('keys that change what the panels show', () => {
	test('l puts the error chart on a log scale and back', async () => {
		const term = await paused();
		await term.press('n');
		await term.waitFor('iteration 100 / 80,000');
		expect(await term.screen()).toContain('Error over iterations');
		await term.press('l');
		await term.waitFor('Error (log scale) over iterations');
		await term.press('l');
		await term.waitForAbsence('(log scale)');
		expect(await term.screen()).toContain('Error over iterations');
	});

	test('c switches the chart to the predicted output and back', async () => {
		const term = await paused();
		await term.press('n');
		await term.waitFor('iteration 100 / 80,000');
		await term.press('c');
		let screen = await term.waitFor('Predicted and target over iterations');
		expect(screen).not.toContain('Error over iterations');
		await term.press('c');
		screen = await term.waitFor('Error over iterations');
		expect(screen).not.toContain('Predicted and target');
	});

	test('? opens the help overlay, Esc closes it without quitting', async () => {
		const term = await paused();
		await term.press('?');
		// not the keys line's `? help`: the overlay's title
		let screen = await term.waitFor('descent: help');
		expect(screen).not.toContain('↑↓ select');
		expect(screen).not.toContain('Chain of W11');
		await term.press('escape');
		screen = await term.waitFor('Chain of W11 (x1 → h1)');
		expect(screen).not.toContain('descent: help');
		expect(term.hasExited).toBe(false);
		// and the dashboard still takes keys
		await term.press('s');
		await term.waitFor('iteration 1 / 80,000');
	});

	test('the help overlay fits 80×24 whole: its frame, every panel and every key', async () => {
		const term = await startDashboard(['--seed', '0', '--paused'], {cols: 80, rows: 24});
		await term.press('?');
		const screen = await term.waitFor('descent: help');
		const lines = screen.split('\n');
		expect(lines.length).toBeLessThanOrEqual(24);
		const top = lines.findIndex(line => line.startsWith('╔'));
		const bottom = lines.findIndex(line => line.startsWith('╚'));
		expect(top).toBeGreaterThanOrEqual(0);
		expect(bottom).toBeGreaterThan(top);
		for (const line of lines.slice(top + 1, bottom)) {
			expect(line).toMatch(/^║.*║$/);
			expect(line).toHaveLength(80);
		}

		for (const panel of ['Status', 'Weights', 'Chart', 'Chain', 'Samples', 'Network', 'Gradient check', 'Compare']) {
			expect(screen).toMatch(new RegExp(`║ ${panel}: `));
		}

		// one whole sentence a panel, none cut at 80 columns
		expect(screen).not.toContain('…');

		for (const key of ['space: pause / run', 'r: reset', '[ ]: learning rate', 'g: gradient check', 'q: quit', 'Ctrl-C: quit']) {
			expect(screen).toContain(key);
		}
	});

	test('g checks the gradients by finite differences, after the first iteration', async () => {
		const term = await paused();
		await term.press('g');
		await term.waitFor(/step once first/);
		await term.press('s');
		await term.waitFor('iteration 1 / 80,000');
		await term.press('g');
		const screen = await term.waitFor(/gradient check at iteration 1\b/);
		expect(screen).toMatch(/check: largest \d\.\de-\d+/);
		expect(lineWith(screen, /weight\s+link/)).toMatch(/gradient\s+check/);
		// the tutorial's eight weights: backpropagation and finite differences agree closely
		for (const name of ['W11', 'W21', 'W31', 'W12', 'W22', 'W32', 'W41', 'W42']) {
			const row = lineWith(screen, new RegExp(`│ ${name}\\s`))!;
			const check = Number(/(\S+)\s*│/.exec(row.slice(row.indexOf(' → ')))![1]);
			expect(check, row).toBeLessThan(1e-6);
		}

		// the check belongs to its iteration: one more step and the column goes
		await term.press('s');
		const next = await term.waitFor('iteration 2 / 80,000');
		expect(lineWith(next, /weight\s+link/)).not.toMatch(/check/);
	});

	test('d hides and shows the network diagram', async () => {
		const term = await paused();
		await term.waitFor('Network');
		await term.press('d');
		await term.waitForAbsence('─ Network');
		await term.press('d');
		await term.waitFor('─ Network');
	});

	test('after r the previous curve stays for comparison until x', async () => {
		const term = await paused();
		await term.press('n');
		await term.waitFor('iteration 100 / 80,000');
		await term.press('r');
		await term.press('n');
		await term.waitFor('iteration 100 / 80,000');
		await term.waitFor('previous run (seed 0');
		await term.press('x');
		await term.waitForAbsence('previous run');
	});

	test('e exports the history and w writes a checkpoint, into the working folder', async () => {
		const term = await paused();
		await term.press('n');
		await term.waitFor('iteration 100 / 80,000');
		await term.press('e');
		const exported = await term.waitFor(/wrote history (\S+\.csv)/);
		const csv = /wrote history (\S+\.csv)/.exec(exported)![1]!;
		await term.press('w');
		const saved = await term.waitFor(/wrote checkpoint (\S+\.json)/);
		const json = /wrote checkpoint (\S+\.json)/.exec(saved)![1]!;
		const files = fs.readdirSync(term.cwd!);
		expect(files).toContain(path.basename(csv));
		expect(files).toContain(path.basename(json));
		const lines = fs.readFileSync(path.resolve(term.cwd!, csv), 'utf8').trim().split('\n');
		expect(lines.length).toBeGreaterThan(10);
		expect(JSON.parse(fs.readFileSync(path.resolve(term.cwd!, json), 'utf8'))).toBeTypeOf('object');
	});
});
