// Cursor paging whose whole state lives in the URL, so reload and back/forward work:
// `after` is the cursor of the current page, `prev` the stack of cursors of the pages
// before it ('' stands for the first page).

export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 20;

export interface CursorState {
  after: string | null;
  prev: string[];
  size: PageSize;
}

type ReadableParams = Pick<URLSearchParams, 'get' | 'getAll'>;

export function readCursorState(params: ReadableParams): CursorState {
  const sizeParam = Number(params.get('size'));
  const size = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? (sizeParam as PageSize) : DEFAULT_PAGE_SIZE;
  const after = params.get('after') || null;
  // A stack without a current cursor is meaningless (someone edited the URL): drop it.
  const prev = after ? params.getAll('prev') : [];
  return { after, prev, size };
}

export function writeCursorState(params: URLSearchParams, state: CursorState): void {
  params.delete('after');
  params.delete('prev');
  params.delete('size');
  for (const cursor of state.prev) params.append('prev', cursor);
  if (state.after) params.set('after', state.after);
  if (state.size !== DEFAULT_PAGE_SIZE) params.set('size', String(state.size));
}

export function nextPage(state: CursorState, endCursor: string): CursorState {
  return { ...state, prev: [...state.prev, state.after ?? ''], after: endCursor };
}

export function previousPage(state: CursorState): CursorState {
  const prev = state.prev.slice(0, -1);
  const after = state.prev.at(-1) || null;
  return { ...state, prev: after ? prev : [], after };
}

/** Zero-based index of the current page. */
export function pageIndex(state: CursorState): number {
  return state.after ? Math.max(state.prev.length, 1) : 0;
}

/** Back to the first page, e.g. when a filter or the sort changes. */
export function firstPage(state: CursorState, size: PageSize = state.size): CursorState {
  return { after: null, prev: [], size };
}
