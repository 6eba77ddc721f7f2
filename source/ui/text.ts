/** A run of text with a style: what the panels are made of. */
export type Segment = {
	readonly text: string;
	readonly bold?: boolean;
	readonly dim?: boolean;
	readonly color?: string;
	readonly inverse?: boolean;
};

/** A part of a line that is shown whole or not at all; lower `rank` stays first. */
export type Part = {readonly segments: readonly Segment[]; readonly rank: number};

export const textOf = (segments: readonly Segment[]) => segments.map(segment => segment.text).join('');

/**
 * The parts that fit `width` when joined by `separator`, in their own order, the
 * lowest-ranked kept first: a part (a number and its label) is shown whole or dropped,
 * never cut.
 */
export function fitParts(parts: readonly Part[], width: number, separator = ' · '): Segment[] {
	const kept = new Set<Part>();
	let used = 0;
	for (const part of [...parts].sort((a, b) => a.rank - b.rank)) {
		const length = textOf(part.segments).length + (kept.size > 0 ? separator.length : 0);
		if (used + length <= width) {
			kept.add(part);
			used += length;
		}
	}

	const segments: Segment[] = [];
	for (const part of parts.filter(part => kept.has(part))) {
		if (segments.length > 0) {
			segments.push({text: separator, dim: true});
		}

		segments.push(...part.segments);
	}

	return segments;
}

/** Breaks text into lines of at most `width` at spaces; a word longer than a line is broken where it must be. Continuation lines are indented by `indent`. */
export function wrapText(text: string, width: number, indent = 2): string[] {
	const lines: string[] = [];
	let line = '';
	const room = () => (lines.length === 0 ? width : width - indent);
	for (const word of text.split(' ')) {
		let rest = word;
		while (rest.length > room()) {
			if (line !== '') {
				lines.push(line);
				line = '';
			}

			lines.push(rest.slice(0, room()));
			rest = rest.slice(room());
		}

		if (line !== '' && line.length + 1 + rest.length > room()) {
			lines.push(line);
			line = rest;
		} else {
			line = line === '' ? rest : `${line} ${rest}`;
		}
	}

	lines.push(line);
	return lines.map((text, k) => (k === 0 ? text : ' '.repeat(indent) + text));
}

/** Items joined by `, ` into lines of at most `width`, each item whole on one line (wrapped only when longer than a line). */
export function packItems(items: readonly string[], width: number, indent = 2): string[] {
	const lines: string[] = [];
	let line = '';
	for (const [k, item] of items.entries()) {
		const piece = k < items.length - 1 ? `${item},` : item;
		const room = lines.length === 0 ? width : width - indent;
		const candidate = line === '' ? piece : `${line} ${piece}`;
		if (candidate.length <= room) {
			line = candidate;
			continue;
		}

		if (line !== '') {
			lines.push(line);
		}

		// an item longer than a line: wrapped at its spaces, at the narrower room
		const wrapped = piece.length <= width - indent ? [piece] : wrapText(piece, width - indent, 0);
		lines.push(...wrapped.slice(0, -1));
		line = wrapped.at(-1)!;
	}

	lines.push(line);
	return lines.map((text, k) => (k === 0 ? text : ' '.repeat(indent) + text));
}

/**
 * Parts joined by `separator` into lines of at most `width`, each part whole on one line: a line
 * that goes on with the parts of the one before starts with `indent` spaces and the separator.
 * A part longer than a line alone is wrapped at its spaces (its style kept when it has one).
 */
export function packParts(parts: ReadonlyArray<readonly Segment[]>, width: number, separator = ' · ', indent = 2): Segment[][] {
	const lead = `${' '.repeat(indent)}${separator.trimStart()}`;
	const lines: Segment[][] = [];
	let line: Segment[] = [];
	for (const part of parts) {
		const length = textOf(part).length;
		if (line.length > 0 && textOf(line).length + separator.length + length <= width) {
			line.push({text: separator, dim: true}, ...part);
			continue;
		}

		if (line.length > 0) {
			lines.push(line);
		}

		const prefix: Segment[] = lines.length === 0 ? [] : [{text: lead, dim: true}];
		const room = width - textOf(prefix).length;
		if (length <= room) {
			line = [...prefix, ...part];
			continue;
		}

		// longer than a line: its words on lines of their own, under the part's start
		const style = part.length === 1 ? part[0]! : {};
		const wrapped = wrapText(textOf(part), Math.max(1, room), prefix.length > 0 ? 0 : indent).map(text => ({...style, text}));
		const pad = {text: ' '.repeat(textOf(prefix).length)};
		const all = wrapped.map((segment, k) => (k === 0 ? [...prefix, segment] : [pad, segment]));
		lines.push(...all.slice(0, -1));
		line = all.at(-1)!;
	}

	if (line.length > 0) {
		lines.push(line);
	}

	return lines;
}

/** A line of parts joined by `separator` (`samples 1–2 of 200 · PgUp PgDn`) wrapped between its parts, each whole where it fits (packParts). */
export function wrapParts(text: string, width: number, separator = ' · '): string[] {
	return packParts(
		text.split(separator).map(part => [{text: part}]),
		width,
		separator,
	).map(line => textOf(line));
}

/** A no-break space: words it joins stay on one line when wrapped (a space again on screen). */
const KEEP = '\u00A0';

/**
 * Prose wrapped at spaces, a short bracketed group (`(0, 0)`, `(1 + e^−SOP)`) and a short fraction
 * (`1 / (1 + e^−SOP)`) each kept on one line where it fits, so that no line ends inside a formula's part.
 */
export function wrapProse(text: string, width: number, indent = 2): string[] {
	const limit = Math.min(24, Math.floor(width / 2));
	const keep = (part: string) => (part.length <= limit ? part.replaceAll(' ', KEEP) : part);
	const kept = text.replaceAll(/\([^()]*\)/g, keep).replaceAll(/[^ ]+ \/ [^ ]+/g, keep);
	return wrapText(kept, width, indent).map(line => line.replaceAll(KEEP, ' '));
}
