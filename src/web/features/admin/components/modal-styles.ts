// Dialog titles read as headings, in step with the page's own headings.
export const MODAL_STYLES = { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } } as const;
