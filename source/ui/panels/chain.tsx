import type {ChainData} from '../../session/views/chain.js';
import type {Snapshot} from '../../session/views/snapshot.js';
import {formatCount} from '../../session/format.js';
import {ChainPanel, chainPages} from '../components/ChainPanel.js';
import {panel, type BodyProps} from './entry.js';

/** Lines the chain panel wants: its factors, the product, and what several samples, a penalty, an optimizer or a check add. */
function chainLines(chain: ChainData, check: Snapshot['check']): number {
	if (!chain) {
		return 1;
	}

	return (
		chain.factors.length +
		2 +
		(chain.products.length > 1 ? 3 : 0) +
		(chain.penalty ? 2 : 0) +
		chain.steps.length +
		(check?.state === 'done' ? 1 : 0) +
		(chain.form === 'backpropagated' ? 1 : 0)
	);
}

/** Which sample of the batch the chain is of, when there are several. */
function sampleLabel(chain: ChainData, followed: number): string | undefined {
	if (!chain || chain.products.length <= 1) {
		return undefined;
	}

	const out = chain.sample !== followed ? `sample #${formatCount(followed + 1)} was not in the last batch; ` : '';
	return `${out}sample #${formatCount(chain.sample + 1)}, ${formatCount(chain.position + 1)} of the ${formatCount(chain.products.length)} in the batch (< > other samples):`;
}

/** What the chain panel draws, from its data and the screen: its Body and its page count (Tab) read the same. */
function chainProps({data, snapshot: {phase, check, notices}, state, width, height}: BodyProps<'chain'>) {
	return {
		chain: data,
		reached: phase ? (layer: number) => phase.reached.includes(layer) : undefined,
		check,
		sampleLabel: sampleLabel(data, state.sample),
		notices,
		width,
		height,
	};
}

/** Pages the chain takes in its panel (Tab turns them): 0 before the first iteration. */
export const chainPageCount = (props: BodyProps<'chain'>) => chainPages(chainProps(props)).length;

export const chainPanel = panel({
	id: 'chain',
	help: ['Chain', "the selected weight's gradient as a product of derivatives, then its change."],
	room: 'left',
	keys: [
		{
			keys: 'Tab',
			short: 'chain page',
			long: "the chain's next page, when it is longer than its panel",
			match: (input, key) => key.tab || input === '\t',
			refuse: c =>
				c.chainPages > 1 ? undefined : c.chainPages === 0 ? 'no chain yet to page through: step once (s) to see it' : 'the chain fits its panel: no other page',
			act: c => c.dispatch({type: 'chainPage'}),
		},
	],
	title({data, selected, snapshot: {status, phase}}) {
		// the chain's own weight names it: the selection may be a key ahead of the snapshot
		const weight = data?.weight ?? selected;
		return {
			title: weight ? `Chain of ${weight.name}` : 'Chain',
			...(weight && {detail: `(${weight.from} → ${weight.to})`}),
			hint: data ? `at iteration ${formatCount(status.iteration + (phase ? 1 : 0))}` : '',
		};
	},
	wants: ({data, snapshot}) => ({width: 0, lines: chainLines(data, snapshot.check)}),
	request: () => ({}),
	Body: props => <ChainPanel {...chainProps(props)} page={props.state.chainPage} />,
});
