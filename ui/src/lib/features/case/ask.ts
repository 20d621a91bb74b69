/** A question the case screen's one confirmation dialog asks, and what a yes does. */
export type Ask = { title: string; message: string; label: string; danger: boolean; action: () => void };
