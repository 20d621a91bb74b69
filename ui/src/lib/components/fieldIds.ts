// The ids a field's control points at: its hint (when it has one) and its error (when it has one).
// Field renders them as `<id>-hint` and `<id>-error`.
export function describedBy(id: string, hint: string | null | undefined, error: string | null | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}
