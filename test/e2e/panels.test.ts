import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {lineWith, startDashboard, closeTerminalsAfterEach} from './terminals.js';

closeTerminalsAfterEach();

describe('keys that change what the panels show', () => {
	test('l puts the error chart on a log scale, c switches it to the predicted output', async () => {
		const term = await startDashboard(['--seed', '0', '--paused'], {cols: 120, rows: 40});
		await term.press('n');
		let screen = await term.waitFor('iteration 100 / 80,000');
		// the first point is iteration 1's error: the top label
		expect(screen).toMatch(/0\.3346 ┼/);
		expect(screen).toContain('iterations 1 … 100');
		await term.press('l');
		await term.waitFor('log scale ·');
		await term.press('c');
		screen = await term.waitFor('Predicted and target');
		expect(screen).toContain('grey: the target 0.2');
	});

	test('? opens the help, which keys cannot act behind; Esc closes it without quitting', async () => {
		const term = await startDashboard(['--seed', '0', '--paused'], {cols: 80, rows: 24});
		await term.press('?');
		let screen = await term.waitFor('descent: help');
		for (const line of screen.split('\n')) {
			expect(line.length).toBeLessThanOrEqual(80);
		}

		// the help is taller than 24 lines: it scrolls to the glossary, its last page (PgDn stops there)
		await term.press('pagedown', 8);
		screen = await term.waitFor('Glossary');
		expect(screen).toContain('epoch');

		await term.press('s', 3);
		await term.press('space');
		await term.press('escape');
		screen = await term.waitFor('iteration 0 / 80,000');
		expect(lineWith(screen, 'iteration 0 /')).toMatch(/^paused/);
	});

	test('g checks the gradients of the last iteration, column by column', async () => {
		const term = await startDashboard(['--seed', '0', '--paused'], {cols: 120, rows: 40});
		await term.press('g');
		await term.waitFor('step once first');
		await term.press('s');
		await term.waitFor('iteration 1 / 80,000');
		await term.press('g');
		const screen = await term.waitFor(/largest relative difference \d\.\de-\d+ \(W\S+\)/);
		expect(screen).toMatch(/g check: largest \d\.\de-\d+/);
		expect(lineWith(screen, 'W11')).toMatch(/\de-\d+\s*│/);
	});

	test('after r the previous curve stays for comparison, labelled with its learning rate, until x', async () => {
		const term = await startDashboard(['--seed', '0', '--paused'], {cols: 120, rows: 40});
		await term.press('n');
		await term.waitFor('iteration 100 / 80,000');
		await term.press(']');
		await term.press('n');
		await term.waitFor('iteration 200 / 80,000');
		await term.press('r');
		await term.press('n');
		let screen = await term.waitFor(/grey: the previous run \(lr 0\.001, 0\.002 from 100\)/);
		await term.press('x');
		screen = await term.waitForAbsence('the previous run');
		expect(screen).toContain('iteration 100 / 80,000');
	});

	test('e exports the history and w writes a checkpoint into the working folder, never over a file: a second w, the next free name', async () => {
		const term = await startDashboard(['--seed', '0', '--paused'], {cols: 120, rows: 40});
		await term.press('n');
		await term.waitFor('iteration 100 / 80,000');
		await term.press('e');
		await term.waitFor('wrote history descent-history-0-100.csv at iteration 100');
		await term.press('w');
		await term.waitFor('wrote checkpoint descent-0-100.json at iteration 100');
		await term.press('w');
		await term.waitFor('wrote checkpoint descent-0-100-2.json at iteration 100 (descent-0-100.json exists)');
		const csv = fs.readFileSync(path.join(term.cwd!, 'descent-history-0-100.csv'), 'utf8').trim().split('\n');
		expect(csv[0]).toBe('iteration,error,predicted');
		expect(csv[1]).toMatch(/^1,0\.3346/);
		expect(csv.at(-1)).toMatch(/^100,/);
	});

	test('d hides and shows the network diagram', async () => {
		const term = await startDashboard(['--seed', '0', '--paused'], {cols: 120, rows: 40});
		await term.waitFor('Network');
		await term.press('d');
		await term.waitForAbsence('─ Network');
		await term.press('d');
		await term.waitFor('─ Network');
	});
});
