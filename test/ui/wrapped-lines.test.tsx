import {render} from 'ink-testing-library';
import {Box} from 'ink';
import {describe, expect, test} from 'vitest';
import {ChainPanel} from '../../source/ui/components/ChainPanel.js';

describe('a wrapped line never starts with the space it was broken at (issue 21)', () => {
	test('the chain panel before the first step: its message, at every width from 12 to 60, each line starts with a word', () => {
		for (let width = 12; width <= 60; width++) {
			const {lastFrame, unmount} = render(
				<Box width={width}>
					<ChainPanel chain={undefined} reached={undefined} check={undefined} sampleLabel={undefined} notices={[]} page={0} width={width} height={10} />
				</Box>,
			);
			const lines = lastFrame()!.split('\n');
			unmount();
			expect(lines.join(' ').replaceAll(/\s+/g, ' ')).toContain('step once (s) to see it: the factors come from an iteration.');
			for (const line of lines) {
				expect(line, `width ${width}`).toMatch(/^\S/);
			}
		}
	});
});
