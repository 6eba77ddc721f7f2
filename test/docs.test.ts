import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {EXERCISE_FLAGS} from '../source/cli/command-flags.js';
import {FLAGS} from '../source/cli/flags.js';
import {EXERCISE_BINDINGS} from '../source/ui/exercise/keys.js';
import {BINDINGS} from '../source/ui/keys.js';

const readme = fs.readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
const section = (heading: string) => readme.slice(readme.indexOf(`## ${heading}\n`), readme.indexOf('\n## ', readme.indexOf(`## ${heading}\n`) + 1));

describe('the README says what the program does', () => {
	test.each(FLAGS.map(spec => spec.name))('the flags table has --%s', name => {
		expect(section('Flags')).toMatch(new RegExp(`\\| \`--${name.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`)}[ \`,]`));
	});

	test.each(BINDINGS.map(binding => binding.keys))('the keys table has %s', keys => {
		const table = section('Keys');
		for (const key of keys.split(' ').filter(key => !['←', '→', '↑', '↓'].includes(key))) {
			expect(table).toContain(`\`${key === 'space' ? 'space' : key}\``);
		}
	});
});

describe('the README’s exercise section', () => {
	test.each(EXERCISE_FLAGS.map(spec => spec.name))('names --%s', name => {
		expect(section('Exercises for a class: `descent exercise`')).toContain(`--${name}`);
	});

	test.each(EXERCISE_BINDINGS.map(binding => binding.keys))('names the keys %s', keys => {
		const text = section('Exercises for a class: `descent exercise`');
		for (const key of keys.split(' ').filter(key => key !== 'Backspace' && key !== 'Esc')) {
			expect(text).toContain(key);
		}
	});
});
