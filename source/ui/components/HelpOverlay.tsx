import {Box, Text} from 'ink';
import {GLOSSARY, NOT_PANELS} from '../glossary.js';
import {BINDINGS} from '../keys.js';
import {PANELS} from '../panels/index.js';
import {wrapText} from '../text.js';

export type HelpOverlayProps = {readonly width: number; readonly height: number; readonly offset: number};

/** The column a section's texts start at: past its longest label and two spaces, so no label runs into its text. */
const columnOf = (entries: ReadonlyArray<readonly [string, string]>) => Math.max(...entries.map(([label]) => label.length)) + 2;

/** The help's lines at this width: the panels, every key, the glossary. */
export function helpLines(width: number): Array<{text: string; bold?: boolean}> {
	const lines: Array<{text: string; bold?: boolean}> = [{text: 'descent: help (? or Esc closes; PgUp PgDn scroll)', bold: true}];
	const sections: Array<readonly [string, ReadonlyArray<readonly [string, string]>]> = [
		['Panels', [NOT_PANELS.status, ...PANELS.map(entry => entry.help), NOT_PANELS.phases]],
		['Keys', BINDINGS.map(binding => [binding.keys, binding.long] as const)],
		['Glossary', GLOSSARY],
	];
	for (const [title, entries] of sections) {
		lines.push({text: title, bold: true});
		const column = columnOf(entries);
		for (const [label, text] of entries) {
			for (const line of wrapText(`${label.padEnd(column)}${text}`, width, column)) {
				lines.push({text: line});
			}
		}
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
