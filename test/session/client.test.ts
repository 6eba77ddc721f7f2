import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, describe, expect, test} from 'vitest';
import {WorkerSession} from '../../source/session/client.js';
import {runOptions} from '../helpers/ui.js';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-client-'));
afterAll(() => {
	fs.rmSync(folder, {recursive: true, force: true});
});

describe('WorkerSession', () => {
	// the thread starts before the screen is up: a failure meanwhile must still reach the screen
	test('a training thread that fails before anyone listens: the failure is kept and given to the first listener', async () => {
		const failing = path.join(folder, 'failing-worker.mjs');
		fs.writeFileSync(failing, "throw new Error('the training thread failed');\n");
		const session = new WorkerSession(runOptions(['--seed', '0']), pathToFileURL(failing));
		const failure = await new Promise<Error>(resolve => {
			session.onError(resolve);
		});
		expect(failure.message).toBe('the training thread failed');
		// a listener that comes after the failure hears of it at once, within onError
		let replayed: Error | undefined;
		session.onError(error => {
			replayed = error;
		});
		expect(replayed).toBe(failure);
		await session.close();
	});
});
