import type {PanelId} from '../../session/views/panels.js';

/** Panels the screen draws without a view of their own in the session: the chart (the run's histories) and a lesson's text. */
const SCREEN_ONLY = ['chart', 'lesson'] as const;

/** A panel of the screen: those with a view in the session, and those drawn from what the screen has. */
export type UiPanelId = PanelId | (typeof SCREEN_ONLY)[number];

export const hasView = (id: UiPanelId): id is PanelId => !(SCREEN_ONLY as readonly string[]).includes(id);
