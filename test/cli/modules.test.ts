import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, test} from 'vitest';
import {runCli, temporaryFolder} from '../helpers/run-cli.js';

// a module hook that writes every module URL the program resolves to a log file
const folder = temporaryFolder('modules');
const file = (name: string) => path.join(folder, name);
fs.writeFileSync(file('register.mjs'), "import {register} from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
fs.writeFileSync(
	file('hooks.mjs'),
	[
		"import fs from 'node:fs';",
		'export async function resolve(specifier, context, nextResolve) {',
		'\tconst result = await nextResolve(specifier, context);',
		"\tfs.appendFileSync(process.env.DESCENT_MODULE_LOG, result.url + '\\n');",
		'\treturn result;',
		'}',
	].join('\n'),
);

async function modulesOf(name: string, args: readonly string[]): Promise<string[]> {
	const log = file(`${name}.log`);
	const result = await runCli(args, {env: {...process.env, DESCENT_MODULE_LOG: log}, nodeOptions: ['--import', pathToFileURL(file('register.mjs')).href]});
	expect(result.code, result.stderr).toBe(0);
	return fs.readFileSync(log, 'utf8').trimEnd().split('\n');
}

const chunk = (name: string) => (url: string) => new RegExp(`/dist/chunks/${name}-[A-Z0-9]+\\.js$`).test(url);

/** The loaded files of the bundle that hold React (its element symbol) or ink (its text and box elements), wherever esbuild put them. */
const withDashboard = (modules: readonly string[]) =>
	modules
		.filter(url => url.startsWith('file:') && url.includes('/dist/'))
		.filter(url => /react\.transitional\.element|ink-text|ink-box/.test(fs.readFileSync(new URL(url), 'utf8')));

describe.concurrent('the headless path does not load the dashboard', () => {
	test('the hook sees the chunks a path loads: --explain loads its own', async () => {
		const modules = await modulesOf('explain', ['--seed', '0', '--explain', '1']);
		expect(modules.some(chunk('explain'))).toBe(true);
		expect(modules.some(chunk('run-dashboard'))).toBe(false);
		expect(withDashboard(modules)).toEqual([]);
	});

	test("the check finds React and ink in the dashboard's chunk and the chunks it imports (shared with the exercise screen's)", () => {
		const folder = path.join(import.meta.dirname, '..', '..', 'dist', 'chunks');
		for (const screen of ['run-dashboard', 'run-exercise']) {
			const start = fs.readdirSync(folder).find(name => name.startsWith(`${screen}-`))!;
			const loaded = new Set<string>();
			const visit = (name: string) => {
				if (!loaded.has(name)) {
					loaded.add(name);
					for (const [, imported] of fs.readFileSync(path.join(folder, name), 'utf8').matchAll(/from\s*"\.\/([\w-]+\.js)"/g)) {
						visit(imported!);
					}
				}
			};

			visit(start);
			expect(withDashboard([...loaded].map(name => pathToFileURL(path.join(folder, name)).href)).length, screen).toBeGreaterThan(0);
		}
	});

	test('descent exercise --json loads its own chunk, and neither screen', async () => {
		const modules = await modulesOf('exercise', ['exercise', '--seed', '1', '--json']);
		expect(modules.some(chunk('exercise'))).toBe(true);
		expect(modules.filter(url => chunk('run-dashboard')(url) || chunk('run-exercise')(url))).toEqual([]);
		expect(withDashboard(modules)).toEqual([]);
	});

	test.each([
		['--headless', ['--headless', '--seed', '0', '--iterations', '10']],
		['piped, without --headless', ['--seed', '0', '--iterations', '10']],
	])('%s: neither the dashboard nor the explanation is loaded', async (name, args) => {
		const modules = await modulesOf(name.replaceAll(/\W+/g, '-'), args);
		expect(modules.some(url => url.endsWith('/dist/cli.js'))).toBe(true);
		expect(modules.filter(url => chunk('run-dashboard')(url) || chunk('explain')(url) || chunk('devtools')(url))).toEqual([]);
		expect(withDashboard(modules)).toEqual([]);
	});
});
