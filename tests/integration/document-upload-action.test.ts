/**
 * The upload form's server action, called as Next calls it: with the FormData its multipart
 * decoder builds. Session, translations and the cache are the only parts replaced.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/actor";
import { catalogs, translator } from "@/lib/i18n/messages";
import { newApplicant, pdfBytes } from "../support/applicant-fixtures";
import { useTestDatabase } from "../support/test-db";

const session = vi.hoisted(() => ({ actor: null as Actor | null, locale: "es" as "es" | "pt" | "en" }));

vi.mock("@/lib/server/session", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/i18n/navigation", () => ({
  redirect: () => {
    throw new Error("the upload action never redirects");
  },
}));
vi.mock("next-intl/server", () => ({
  getLocale: async () => session.locale,
  getTranslations: async (scope?: string | { locale: "es" | "pt" | "en"; namespace?: string }) =>
    typeof scope === "object" ? translator(scope.locale, scope.namespace as never) : translator(session.locale, scope as never),
  getFormatter: async () => {
    throw new Error("not used by the upload action");
  },
}));

const { uploadDocumentAction } = await import("@/app/[locale]/(applicant)/applicant/actions");

const testDb = useTestDatabase();
let applicationId: string;

beforeAll(async () => {
  const applicant = await newApplicant(testDb().db);
  session.actor = applicant.actor;
  applicationId = applicant.applicationId;
});

beforeEach(() => {
  session.locale = "es";
});

function form(...files: File[]): FormData {
  const data = new FormData();
  data.set("applicationId", applicationId);
  data.set("kind", "statute");
  for (const file of files) data.append("file", file);
  return data;
}

const upload = (data: FormData) => uploadDocumentAction({ status: "idle" }, data);

/** How many times a message is shown by the form: in the notice above it and as the field's own error. */
function timesShown(state: { message?: string; fieldErrors?: Record<string, string> }, message: string): number {
  return [state.message, ...Object.values(state.fieldErrors ?? {})].filter((text) => text === message).length;
}

describe("uploadDocumentAction", () => {
  it("asks for a file when none was chosen, in each language, as the file field's error under the general notice", async () => {
    // With no file chosen the browser sends an empty part with filename="". Next's parser drops the
    // empty name and React's decoder then builds new File([], undefined): a File named "undefined".
    const nameless = new File([], undefined as unknown as string, { type: "application/octet-stream" });
    expect(nameless.name).toBe("undefined");
    // Posted before the page's JavaScript runs, the same part reaches the action as a File named "".
    const unnamed = new File([], "", { type: "application/octet-stream" });
    for (const locale of ["es", "pt", "en"] as const) {
      session.locale = locale;
      const chooseFile = catalogs[locale].ApplicantDocuments.chooseFile;
      for (const data of [form(nameless), form(unnamed), form()]) {
        const state = await upload(data);
        expect(state).toEqual({ status: "error", message: catalogs[locale].Errors.invalid, fieldErrors: { file: chooseFile } });
        expect(timesShown(state, chooseFile)).toBe(1);
      }
    }
    expect(catalogs.es.ApplicantDocuments.chooseFile).toBe("Elija un archivo para subir.");
    expect(catalogs.pt.ApplicantDocuments.chooseFile).toBe("Escolha um arquivo para enviar.");
    expect(catalogs.en.ApplicantDocuments.chooseFile).toBe("Choose a file to upload.");
  });

  it("keeps its own message for a chosen file with no bytes", async () => {
    const empty = catalogs.es.ApplicantDocuments.rejected.empty;
    const state = await upload(form(new File([], "carta.pdf", { type: "application/pdf" })));
    expect(state).toEqual({ status: "error", message: catalogs.es.Errors.invalid, fieldErrors: { file: empty } });
    expect(timesShown(state, empty)).toBe(1);
  });

  it("shows each refusal once: a text file named .pdf, a truncated PDF, two files", async () => {
    const { rejected } = catalogs.es.ApplicantDocuments;
    const text = new File(["Acta de la asamblea, versión en texto.\n"], "acta.pdf", { type: "application/pdf" });
    const whole = pdfBytes("estatuto");
    const truncated = new File([whole.slice(0, whole.length - 40)], "estatuto.pdf", { type: "application/pdf" });
    const cases: [FormData, string][] = [
      [form(text), rejected.bad_type],
      [form(truncated), rejected.bad_pdf],
      [form(new File([whole], "uno.pdf"), new File([whole], "dos.pdf")), catalogs.es.UploadRules.oneFile],
    ];
    for (const [data, message] of cases) {
      const state = await upload(data);
      expect(state).toEqual({ status: "error", message: catalogs.es.Errors.invalid, fieldErrors: { file: message } });
      expect(timesShown(state, message)).toBe(1);
    }
  });

  it("stores a readable PDF and says so above the form", async () => {
    const state = await upload(form(new File([pdfBytes("estatuto")], "estatuto.pdf", { type: "application/pdf" })));
    expect(state).toEqual({ status: "success", message: "Se guardó «estatuto.pdf»." });
  });
});
