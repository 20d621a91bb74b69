// Words of the archive screens.
export const nb = {} as const;

export const en: Record<keyof typeof nb, string> = {};
