import {afterEach} from 'vitest';
import {closeAll, sessions} from '../harness/terminal.js';

export * from '../harness/terminal.js';

/** Registers `closeAll` after each test of the calling file. */
export function closeTerminalsAfterEach(): void {
	afterEach(async context => {
		// a failed assertion shows a diff of one string; the whole screen says what happened
		if (context.task.result?.state === 'fail') {
			for (const session of sessions()) {
				const screen = await session.screen();
				const tail = JSON.stringify(session.output.slice(-3000));
				console.error(
					`screen of ${session.args.join(' ')} (${session.cols}×${session.rows}) that the last wait returned:\n${session.lastSeen}\n` +
						`and when the test failed:\n${screen}\nlast output: ${tail}`,
				);
			}
		}

		await closeAll();
	});
}
