/**
 * A file name safe to store, show and echo in a header: no folders (a name like
 * "../../etc/passwd" keeps only "passwd"), no control or invisible formatting characters
 * (line breaks, escape sequences, right-to-left overrides that disguise "fdp.exe" as
 * "exe.pdf"), no quotes, at most 200 characters (the end kept, where the extension is).
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\p{Cc}\p{Cf}"]/gu, "").trim();
  return Array.from(cleaned).slice(-200).join("") || "document";
}
