import {describe, expect, test} from 'vitest';
import {wrapProse} from '../../source/ui/text.js';

describe("a lesson's prose never breaks inside a formula's part (issue 21, from the new-user try)", () => {
	const sigmoid = "Each hidden neuron adds its inputs times their weights, then squashes the sum with the sigmoid, 1 / (1 + e^−SOP). Work out h1's SOP and";
	const xor = 'XOR: the target is 1 when exactly one input is 1. Its four samples are (0, 0) → 0, (0, 1) → 1, (1, 0) → 1 and (1, 1) → 0.';
	test.each([40, 50, 60, 76, 100])('at %i columns: each group and the fraction whole, every line within the width', width => {
		for (const text of [sigmoid, xor]) {
			const lines = wrapProse(text, width, 0);
			expect(lines.every(line => line.length <= width)).toBe(true);
			// the words are the text's, in order
			expect(lines.join(' ').replaceAll(/\s+/g, ' ')).toBe(text);
			for (const part of ['1 / (1 + e^−SOP).', '(0, 0)', '(0, 1)', '(1, 0)', '(1, 1)']) {
				if (text.includes(part)) {
					expect(
						lines.some(line => line.includes(part)),
						`${part} at ${width}:\n${lines.join('\n')}`,
					).toBe(true);
				}
			}
		}
	});
});
