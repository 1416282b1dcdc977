import type { ReactNode } from "react";

export type SortDirection = "asc" | "desc";

export type Column<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The first column usually names the row: it becomes the row header screen readers announce. */
  rowHeader?: boolean;
  sortKey?: string;
  className?: string;
};

export type TableSort = { key: string; dir: SortDirection; hrefFor: (key: string, dir: SortDirection) => string };

const cellClass = "py-2 pr-3";

function SortableHeader({ header, sortKey, sort }: { header: ReactNode; sortKey: string; sort: TableSort }) {
  const current = sort.key === sortKey;
  const nextDir: SortDirection = current && sort.dir === "asc" ? "desc" : "asc";
  return (
    <a href={sort.hrefFor(sortKey, nextDir)} className="inline-flex min-h-11 items-center gap-1 text-brand-800 underline">
      {header}
      {current && <span aria-hidden="true">{sort.dir === "asc" ? "▲" : "▼"}</span>}
    </a>
  );
}

/** A list page's table: a caption naming it, one header per column, and the empty message instead of an empty table. */
export function DataTable<Row>({
  caption,
  captionVisible = false,
  columns,
  rows,
  rowKey,
  empty,
  sort,
  rowTestId,
}: {
  caption: string;
  captionVisible?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  empty: ReactNode;
  sort?: TableSort;
  rowTestId?: string;
}) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    // Focusable so a keyboard can scroll the table on a narrow screen; relative so screen-reader-only labels
    // (absolutely placed) scroll inside it instead of widening the page.
    <div className="relative overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className={captionVisible ? "mb-2 text-left text-lg font-semibold" : "sr-only"}>{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {columns.map((column) => {
              const sorted = sort && column.sortKey === sort.key;
              return (
                <th key={column.key} scope="col" className={cellClass} aria-sort={sorted ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}>
                  {sort && column.sortKey ? <SortableHeader header={column.header} sortKey={column.sortKey} sort={sort} /> : column.header}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-slate-100 align-top" data-testid={rowTestId}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" className={`${cellClass} font-normal ${column.className ?? ""}`}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={`${cellClass} ${column.className ?? ""}`}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
