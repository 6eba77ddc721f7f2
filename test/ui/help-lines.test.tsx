import {afterEach, describe, expect, test} from 'vitest';
import {helpLines} from '../../source/ui/components/HelpOverlay.js';
import {GLOSSARY, NOT_PANELS} from '../../source/ui/glossary.js';
import {BINDINGS} from '../../source/ui/keys.js';
import {PANELS} from '../../source/ui/panels/index.js';
import {closeDashboards, openDashboard} from '../helpers/ui.js';

afterEach(closeDashboards);

const sections = {
	Panels: [NOT_PANELS.status, ...PANELS.map(entry => entry.help), NOT_PANELS.phases],
	Keys: BINDINGS.map(binding => [binding.keys, binding.long] as const),
	Glossary: GLOSSARY,
};

describe("the help's lines (issue 21): each label apart from its text", () => {
	test.each([80, 120, 200])(
		'at %i columns every panel, key and word is its label, at least one space, then its text, the texts in one column a section',
		width => {
			const lines = helpLines(width - 4).map(line => line.text);
			for (const [section, entries] of Object.entries(sections)) {
				const first = lines.indexOf(section);
				expect(first, section).toBeGreaterThanOrEqual(0);
				const columns = entries.map(([label, text]) => {
					const line = lines.slice(first).find(candidate => candidate.startsWith(`${label} `));
					expect(line, `${section}: ${label}`).toBeDefined();
					const column = line!.length - line!.slice(label.length).trimStart().length;
					expect(column, line).toBeGreaterThan(label.length);
					// the text's first word follows the label's spaces
					expect(line!.slice(column), line).toBe(text.slice(0, line!.length - column));
					return column;
				});
				expect(new Set(columns).size, section).toBe(1);
			}
		},
	);

	test("in the dashboard, ? shows the confusion panel's line as its name, spaces, then its text", async () => {
		const dashboard = await openDashboard(['--seed', '0', '--paused'], {columns: 120, rows: 40});
		const screen = await dashboard.press('?', 'descent: help');
		expect(screen).toMatch(/║ Confusion +with classes: counts/);
		expect(screen).not.toContain('Confusionwith');
	});
});
