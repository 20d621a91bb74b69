// Words of the documents screens.
export const nb = {} as const;

export const en: Record<keyof typeof nb, string> = {};
