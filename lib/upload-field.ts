import { MAX_DOCUMENT_BYTES } from "./file-type";

/** Why an upload form's file field holds no file to judge. */
export type UploadFieldProblem = "choose_file" | "one_file" | "too_large";

/**
 * With no file chosen a browser still sends the field: an empty part with an empty file name. A form
 * posted before the page's JavaScript runs hands it to the action as a File named ""; one sent by
 * React as a File named "undefined" (Next's multipart parser drops the empty name, and React's
 * decoder passes the missing name to `new File()`). A chosen file keeps its name, even when empty.
 */
const UNCHOSEN_FILE_NAMES = new Set(["", "undefined"]);

/** The one file sent in an upload form's field, or why there is none the data layer should judge. */
export function readUploadField(formData: FormData, field = "file"): { file: File } | { problem: UploadFieldProblem } {
  const entries = formData.getAll(field);
  if (entries.length > 1) return { problem: "one_file" };
  const [file] = entries;
  if (!(file instanceof File) || (file.size === 0 && UNCHOSEN_FILE_NAMES.has(file.name))) return { problem: "choose_file" };
  if (file.size > MAX_DOCUMENT_BYTES) return { problem: "too_large" };
  return { file };
}
