import {Box, Text} from 'ink';
import type {Chain} from '../../core/maths/chain.js';
import {UPDATE_REACHED, type CheckStatus} from '../../session/views/snapshot.js';
import {formatChange, formatCount, formatGradient, formatNumber, formatRate, oneMinus} from '../../session/format.js';
import {wrapText} from '../text.js';

export type ChainPanelProps = {
	/** Undefined before the first iteration: the factors come from one. */
	readonly chain: Chain | undefined;
	/** During a phase walk: the factors of layers not yet reached are left blank. */
	readonly reached: ((layer: number) => boolean) | undefined;
	readonly check: CheckStatus | undefined;
	/** Which sample of the batch the factors are of, in words, when there are several. */
	readonly sampleLabel: string | undefined;
	/** What the screen should say about the gradients (all of them vanishing): first, wrapped. */
	readonly notices: readonly string[];
	/** The page shown when the chain is longer than the panel (Tab turns them). */
	readonly page: number;
	readonly width: number;
	readonly height: number;
};

type ChainLine = {readonly text: string; readonly bold?: boolean; readonly dim?: boolean; readonly warn?: boolean};

/**
 * The selected weight's gradient as the tutorial writes it: each derivative of the chain
 * from the error down to the weight, named and valued, their product, then the penalty and
 * the optimizer's steps down to the change the weights table shows. Lines wrap; when they
 * are more than the panel holds the formulas go first, then the per-sample products.
 */
export function ChainPanel(props: ChainPanelProps) {
	const {chain, width} = props;
	if (!chain) {
		// during a phase walk the chain comes with the backward pass; before the first iteration there is none
		const message = props.reached ? 'the chain comes with the backward pass: p goes on' : 'step once (s) to see it: the factors come from an iteration.';
		// wrapped here at its spaces: Ink's own wrap starts a line with the space it broke at when the line before is full
		return <Text dimColor>{wrapText(message, width, 0).join('\n')}</Text>;
	}

	const pages = chainPages(props);
	const page = props.page % pages.length;
	const shown =
		pages.length === 1 ? pages[0]! : [...pages[page]!, {text: `page ${formatCount(page + 1)} of ${formatCount(pages.length)} · Tab turns`, dim: true}];
	return (
		<Box flexDirection="column">
			{shown.map((line, k) => (
				<Text key={k} bold={line.bold} dimColor={line.dim} color={line.warn ? 'yellow' : undefined}>
					{line.text}
				</Text>
			))}
		</Box>
	);
}

/** The chain's lines as the panel pages them (Tab turns them): one page when it fits, none before there is a chain. */
export function chainPages(props: Omit<ChainPanelProps, 'page'>): ChainLine[][] {
	const {chain, width, height} = props;
	if (!chain) {
		return [];
	}

	// the fullest form whose numbered lines need no wrapping and which fits the panel wrapped, else the fullest that fits wrapped
	const attempts = [chainLines(props, true, true), chainLines(props, false, true), chainLines(props, false, false)];
	// each line wrapped: its parts stay together on a page, so a label is never on one page and its value on the next
	const groups = attempts.map(lines => lines.map(line => wrapText(line.text, width).map(text => ({...line, text}))));
	const heights = groups.map(candidate => candidate.reduce((sum, group) => sum + group.length, 0));
	const tidy = attempts.findIndex((lines, k) => heights[k]! <= height && lines.every(line => line.dim || line.warn || line.text.length <= width));
	const chosen = groups[tidy] ?? groups.find((_, k) => heights[k]! <= height) ?? groups.at(-1)!;
	// longer than the panel: pages, the last line saying which and how to turn them
	return paginate(chosen, height);
}

/** The wrapped lines as pages: the whole when it fits `height`, else pages of `height − 1` lines (one for the page line) that split no line's parts, unless one alone is longer than a page. */
export function paginate<Line>(groups: ReadonlyArray<readonly Line[]>, height: number): Line[][] {
	const all = groups.flat();
	if (all.length <= height) {
		return [all];
	}

	const room = Math.max(1, height - 1);
	const pages: Line[][] = [[]];
	for (const group of groups) {
		let page = pages.at(-1)!;
		if (page.length > 0 && page.length + group.length > room) {
			page = [];
			pages.push(page);
		}

		for (const line of group) {
			if (page.length === room) {
				page = [];
				pages.push(page);
			}

			page.push(line);
		}
	}

	return pages;
}

function chainLines({chain, reached, check, sampleLabel, notices}: Omit<ChainPanelProps, 'page'>, formulas: boolean, products: boolean): ChainLine[] {
	const c = chain!;
	const lines: ChainLine[] = notices.map(text => ({text, warn: true}));
	const value = (x: number) => formatNumber(x);
	if (c.form === 'backpropagated' && formulas) {
		lines.push({text: `${c.factors[0]!.derivative} = Σ w · dError/dSOP over the next layer`, dim: true});
	}

	if (sampleLabel) {
		lines.push({text: sampleLabel, dim: true});
	}

	const label = Math.max(...c.factors.map(f => `${f.symbol} = ${f.derivative}`.length));
	for (const factor of c.factors) {
		const known = !reached || reached(factor.layer);
		const formula = formulas && factor.formula ? ` = ${factor.formula}` : '';
		lines.push({text: `${`${factor.symbol} = ${factor.derivative}`.padEnd(label)}${formula} = ${known ? value(factor.value) : '…'}`, dim: !known});
	}

	const allKnown = !reached || c.factors.every(factor => reached(factor.layer));
	if (!allKnown) {
		lines.push({text: 'the rest comes with the backward pass (p)', dim: true});
		return lines.map(line => ({...line, text: oneMinus(line.text)}));
	}

	const product = c.factors.map(f => f.symbol).join('·');
	if (c.products.length === 1) {
		lines.push({text: `${c.penalty ? 'data gradient' : 'gradient'} = ${product} = ${formatGradient(c.dataGradient)}`, bold: !c.penalty});
	} else {
		if (products) {
			lines.push({text: `${product} per sample of the batch: ${c.products.map(p => value(p)).join(', ')}`, dim: true});
		}

		lines.push({
			text: `${c.penalty ? 'data gradient' : 'gradient'} = mean of ${formatCount(c.products.length)} samples' ${product} = ${formatGradient(c.dataGradient)}`,
			bold: !c.penalty,
		});
	}

	if (c.penalty) {
		lines.push(
			{text: `penalty = 2·L2·w + L1·sign(w) = ${value(c.penalty.term)} (w = ${value(c.penalty.weight)})`},
			{text: `gradient = data gradient + penalty = ${formatGradient(c.gradient)}`, bold: true},
		);
	}

	// during a phase walk the update is its last phase: until then the steps and the change are not computed
	const updated = !reached || reached(UPDATE_REACHED);
	for (const step of c.steps) {
		lines.push({text: `${step.formula} = ${updated ? value(step.value) : '…'}`});
	}

	// a negative factor after · in brackets: -1 · (-1.022e-4), not -1 · -1.022e-4
	const gradient = c.gradient < 0 ? `(${formatGradient(c.gradient)})` : formatGradient(c.gradient);
	const sgd = c.steps.length === 0 && products ? ` = −${formatRate(c.learningRate)} · ${gradient}` : '';
	lines.push({text: `${c.changeFormula}${sgd} = ${updated ? formatChange(c.change) : '… (the update phase)'}`, bold: updated});
	if (check?.state === 'done' && check.selected) {
		lines.push({
			text: `finite differences = ${formatNumber(check.selected.numeric, 6)}, relative difference ${formatNumber(check.selected.relativeDifference, 2)}`,
			dim: true,
		});
	}

	return lines.map(line => ({...line, text: oneMinus(line.text)}));
}
