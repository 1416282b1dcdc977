const URL_PATTERN = /(https?:\/\/[^\s]+)/g;

/** Plain text with its http(s) URLs as links; everything else stays text (React escapes it). */
export function LinkifiedText({ text }: { text: string }) {
  return text.split(URL_PATTERN).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} className="text-brand-700 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
