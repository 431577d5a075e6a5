/** Who is looking, as far as the access explainer link needs to know. */
export interface ExplainViewer {
  staffId: string;
  permissions: { explainAccess: boolean };
}

/**
 * The access explainer, pre-filled for this viewer, a field and the record it belongs to (e.g.
 * `{ subject: staffId }` or `{ system: systemId }`); null for a viewer the gateway does not let use it.
 */
export function explainHref(viewer: ExplainViewer, field: string, record: Record<string, string>): string | null {
  if (!viewer.permissions.explainAccess) return null;
  const params = new URLSearchParams({ staff: viewer.staffId, field, ...record });
  return `/access/explain?${params}`;
}
