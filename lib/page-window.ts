export type PageSlot = number | "gap";

/** The page numbers a pager shows: the first, the last, and a window around the current page, with gaps between. */
export function pageWindow(page: number, pageCount: number, radius = 1): PageSlot[] {
  const shown = new Set([1, pageCount]);
  for (let n = page - radius; n <= page + radius; n++) if (n >= 1 && n <= pageCount) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const slots: PageSlot[] = [];
  sorted.forEach((n, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && n - previous === 2) slots.push(previous + 1);
    else if (previous !== undefined && n - previous > 2) slots.push("gap");
    slots.push(n);
  });
  return slots;
}
