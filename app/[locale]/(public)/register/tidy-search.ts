import { REGISTER_PAGE_SIZE } from "@/lib/register-query";

type SearchParams = Record<string, string | string[] | undefined>;

/** Values the register form always sends that mean "no choice": a shared link is tidier without them. */
const DEFAULTS: Record<string, string> = { sort: "name", page: "1", per_page: String(REGISTER_PAGE_SIZE) };

/**
 * The search string without empty fields and default values, or null when the URL is already
 * tidy. The GET form sends every field (`q=&country=&…`); redirecting here keeps the form
 * working without JavaScript and gives one URL per search.
 */
export function tidySearch(params: SearchParams): string | null {
  const kept = new URLSearchParams();
  let dropped = false;
  for (const [name, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value ?? ""]) {
      if (one.trim() === "" || DEFAULTS[name] === one.trim()) dropped = true;
      else kept.append(name, one);
    }
  }
  if (!dropped) return null;
  const search = kept.toString();
  return search ? `?${search}` : "";
}
