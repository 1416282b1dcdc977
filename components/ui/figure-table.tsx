/** A small table of counts: one named row each, the count right-aligned. */
export function FigureTable({ caption, label, count, rows }: { caption: string; label: string; count: string; rows: [string, number][] }) {
  return (
    <table className="w-full self-start text-left">
      <caption className="text-left font-semibold">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          <th scope="col" className="text-right">
            {count}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, n]) => (
          <tr key={name}>
            <th scope="row" className="font-normal">
              {name}
            </th>
            <td className="text-right">{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
