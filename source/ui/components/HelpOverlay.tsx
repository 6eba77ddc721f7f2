import {Box, Text} from 'ink';
import {GLOSSARY, NOT_PANELS} from '../glossary.js';
import {BINDINGS} from '../keys.js';
import {PANELS} from '../panels/index.js';
import {wrapText} from '../text.js';

export type HelpOverlayProps = {readonly width: number; readonly height: number; readonly offset: number};

/** The help's lines at this width: the panels, every key, the glossary. */
export function helpLines(width: number): Array<{text: string; bold?: boolean}> {
	const lines: Array<{text: string; bold?: boolean}> = [{text: 'descent: help (? or Esc closes; PgUp PgDn scroll)', bold: true}];
	const add = (label: string, text: string, column: number) => {
		for (const line of wrapText(`${label.padEnd(column)}${text}`, width, column)) {
			lines.push({text: line});
		}
	};

	lines.push({text: 'Panels', bold: true});
	for (const [panel, text] of [NOT_PANELS.status, ...PANELS.map(entry => entry.help), NOT_PANELS.phases]) {
		add(panel, text, 9);
	}

	lines.push({text: 'Keys', bold: true});
	for (const binding of BINDINGS) {
		add(binding.keys, binding.long, 11);
	}

	lines.push({text: 'Glossary', bold: true});
	for (const [word, meaning] of GLOSSARY) {
		add(word, meaning, 14);
	}

	return lines;
}

/** `?`: one sentence per panel, every key, the glossary; scrolls when taller than the screen. */
export function HelpOverlay({width, height, offset}: HelpOverlayProps) {
	const lines = helpLines(width - 4);
	const room = height - 2;
	const start = Math.max(0, Math.min(offset, lines.length - room));
	return (
		<Box flexDirection="column" borderStyle="double" borderColor="magenta" paddingX={1} width={width} height={height} overflow="hidden">
			{lines.slice(start, start + room).map((line, k) => (
				<Text key={k} bold={line.bold}>
					{line.text}
				</Text>
			))}
		</Box>
	);
}
