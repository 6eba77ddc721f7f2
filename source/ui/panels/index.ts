/** Every panel of the dashboard, in the order the layout fills its rooms and the help lists them. A new panel is an entry here. */
import {chainPanel} from './chain.js';
import {chartPanel} from './chart.js';
import {confusionPanel} from './confusion.js';
import {diagramPanel} from './diagram.js';
import {digitsPanel} from './digits.js';
import type {PanelEntry} from './entry.js';
import type {UiPanelId} from './id.js';
import {lanesPanel} from './lanes.js';
import {lessonPanel} from './lesson.js';
import {mapPanel} from './map.js';
import {samplesPanel} from './samples.js';
import {surfacePanel} from './surface.js';
import {weightsPanel} from './weights.js';

/** One entry per panel id: a view added to the session without its entry here does not type-check. */
const ENTRIES = {
	weights: weightsPanel,
	chain: chainPanel,
	chart: chartPanel,
	samples: samplesPanel,
	lanes: lanesPanel,
	diagram: diagramPanel,
	map: mapPanel,
	surface: surfacePanel,
	digits: digitsPanel,
	confusion: confusionPanel,
	lesson: lessonPanel,
} satisfies {[Id in UiPanelId]: PanelEntry<Id>};

// each entry is typed by its own id; read through the list, an entry's data is its own view's
export const PANELS = Object.values(ENTRIES) as unknown as readonly PanelEntry[];
