import {afterEach, describe, expect, test} from 'vitest';
import {Trainer} from '../../source/core/training/trainer.js';
import {formatError} from '../../source/session/format.js';
import {closeDashboards, linesOf, openDashboard, panelLines, runOptions} from '../helpers/ui.js';

afterEach(closeDashboards);

// one sample of 784 inputs and 10 targets, as a digit would be
const inputs = Array.from({length: 784}, (_, k) => ((k % 10) / 10).toString()).join(',');
const flags = ['--layers', '784,512,512,10', '--inputs', inputs, '--target', '0,0,0,1,0,0,0,0,0,0', '--seed', '0', '--paused'];

describe('the samples panel with wide inputs', () => {
	test.each([
		[80, 24],
		[120, 40],
		[200, 60],
	])('one sample of 784 inputs at %i×%i: border and title kept, inputs elided with a count, the error one number', async (columns, rows) => {
		const {frame} = await openDashboard(flags, {columns, rows});
		const screen = frame();
		// the panel is shown at each of these sizes, its title in its top border
		expect(screen, screen).toContain('╭─ Samples');
		const lines = linesOf(screen);
		const top = lines.findIndex(line => line.includes('╭─ Samples'));
		const left = lines[top]!.indexOf('╭─ Samples');
		const inside = panelLines(screen, 'Samples');
		// the panel closes with its bottom border right after its lines
		expect(lines[top + 1 + inside.length]![left]).toBe('╰');
		expect(inside[0]).toMatch(/^inputs\s/);
		const shown = inside.join(' ').match(/inputs\s+(.*?)…\s([\d,]+) more/);
		expect(shown, inside.join('\n')).not.toBeNull();
		const values = shown![1]!.split(',').filter(value => value.trim() !== '');
		expect(values.length + Number(shown![2]!.replaceAll(',', ''))).toBe(784);
		expect(inside.some(line => /^target\s/.test(line))).toBe(true);
		expect(inside.some(line => /^predicted\s/.test(line))).toBe(true);
		// the sample's loss: with one sample, the mean loss over the training samples
		const loss = new Trainer(runOptions(flags).setup).trainError();
		expect(inside.find(line => line.startsWith('error'))).toBe(`error      ${formatError(loss)}`);
	});
});
