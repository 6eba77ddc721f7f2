import type {PanelId} from '../../session/views/panels.js';

/** A panel of the screen: those with a view in the session, and the chart, which draws the run's histories. */
export type UiPanelId = PanelId | 'chart';
