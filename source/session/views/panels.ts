/**
 * Every panel's view, declared once: what its request is, and the plain data it gets from the
 * trainer for that request. The screen asks for the panels it shows (`View.panels`); the
 * session makes the data of each, and nothing of the others. A new panel is an entry here.
 */
import type {Trainer} from '../../core/training/trainer.js';
import {hasClassTargets} from '../../core/data/samples.js';
import {chainViewOf} from './chain.js';
import {confusionOf} from './confusion.js';
import {weightsShown, type RunData, type ViewContext} from './context.js';
import {diagramOf} from './diagram.js';
import {lanesOf} from './lanes.js';
import {digitsOf} from './digits.js';
import {mapOf, type MapRequest} from './map.js';
import {samplesOf} from './samples.js';
import {surfacePanelOf} from './surface-job.js';
import {weightsOf} from './weights.js';

type PanelView<Request, Data> = {
	/** Whether this run has something for the panel to show (the map needs an input plane). */
	readonly available: (trainer: Trainer, data: RunData) => boolean;
	readonly of: (trainer: Trainer, request: Request, context: ViewContext) => Data;
};

const always = () => true;

export const VIEWS = {
	weights: {available: always, of: weightsOf},
	chain: {available: always, of: chainViewOf},
	// in a race the lanes table takes the samples' place (the map, chain and diagram show a lane's samples)
	samples: {available: (_trainer, {lanes}) => lanes === undefined, of: samplesOf},
	diagram: {available: always, of: diagramOf},
	map: {
		available: (_trainer, {plane}) => plane !== undefined,
		of: (trainer, request: MapRequest, context) => mapOf(trainer, context.plane!, request, weightsShown(trainer)),
	},
	surface: {available: always, of: surfacePanelOf},
	lanes: {available: (_trainer, {lanes}) => lanes !== undefined, of: lanesOf},
	confusion: {available: trainer => hasClassTargets(trainer.setup.samples), of: confusionOf},
	digits: {available: (trainer, {packaged}) => packaged?.image !== undefined && hasClassTargets(trainer.setup.samples), of: digitsOf},
} satisfies Record<string, PanelView<never, unknown>>;

export type PanelId = keyof typeof VIEWS;
type RequestOf<Id extends PanelId> = Parameters<(typeof VIEWS)[Id]['of']>[1];
export type DataOf<Id extends PanelId> = ReturnType<(typeof VIEWS)[Id]['of']>;
/** What the screen asks of each panel it shows. */
export type PanelRequests = {readonly [Id in PanelId]?: RequestOf<Id>};
/** The data of each panel asked for. */
export type PanelData = {readonly [Id in PanelId]?: DataOf<Id>};

export const PANEL_IDS = Object.keys(VIEWS) as PanelId[];

/** The panels this run has something for. */
export function availablePanels(trainer: Trainer, data: RunData): PanelId[] {
	return PANEL_IDS.filter(id => VIEWS[id].available(trainer, data));
}

/** The data of each panel asked for, in one loop: the session knows no panel by name. */
export function panelsOf(trainer: Trainer, requests: PanelRequests, context: ViewContext): PanelData {
	const data: Record<string, unknown> = {};
	for (const id of PANEL_IDS) {
		const request = requests[id];
		if (request !== undefined && VIEWS[id].available(trainer, context)) {
			data[id] = (VIEWS[id].of as (trainer: Trainer, request: unknown, context: ViewContext) => unknown)(trainer, request, context);
		}
	}

	return data;
}
