import { describe, expect, it } from "vitest";
import { organizationSectionSchema } from "@/lib/application-sections";
import { inviteStaffSchema, noteSchema } from "@/lib/review-schemas";
import { emailAddress, fieldsWithControlCharacters, requiredText } from "@/lib/text-input";

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("text input found by the bad-input suite", () => {
  it("a required text of only blanks, invisible or control characters is empty", () => {
    for (const value of [" \t\n", "\u200B\u200D\u2060\uFEFF", "\u0001\u0002"]) {
      expect(firstMessage(requiredText(100).safeParse(value)), JSON.stringify(value)).toBe("required");
    }
    expect(requiredText(100).safeParse(" <b>Red</b> ' OR 1=1 🧭 ").data).toBe("<b>Red</b> ' OR 1=1 🧭");
    expect(firstMessage(noteSchema.safeParse({ applicationId: crypto.randomUUID(), message: "\u200B" }))).toBe("required");
  });

  it("form fields and file names holding a control character are named, tab and line breaks are not", () => {
    const form = new FormData();
    form.append("$ACTION_ID_x", "");
    form.append("name", "a\u0000b");
    form.append("note", "line\r\nnext\tcolumn");
    form.append("file", new File(["x"], "esta\u0007tuto.pdf"));
    expect(fieldsWithControlCharacters(form)).toEqual(["name", "file"]);
  });

  it("an e-mail address longer than 254 characters is refused, as everywhere addresses are typed", () => {
    const long = `${"a".repeat(250)}@example.org`;
    expect(firstMessage(emailAddress().safeParse(long))).toBe("email");
    expect(firstMessage(inviteStaffSchema.safeParse({ email: long, role: "reviewer", locale: "es" }))).toBe("email");
    expect(emailAddress().safeParse(" Nombre@Example.ORG ").data).toBe("nombre@example.org");
  });

  it("a founding year is four digits as typed, or the number a saved answer holds", () => {
    const base = {
      legalName: "Red",
      type: "ngo",
      country: "UY",
      city: "Montevideo",
      registryName: "Registro",
      registryNumber: "1",
      contactEmail: "red@example.org",
      countriesOfWork: ["UY"],
    };
    for (const foundedYear of ["2e3", "1999.0", "-2000", "dos mil", "0x7d0"]) {
      expect(firstMessage(organizationSectionSchema.safeParse({ ...base, foundedYear })), foundedYear).toBe("year");
    }
    expect(organizationSectionSchema.safeParse({ ...base, foundedYear: " 1999 " }).data?.foundedYear).toBe(1999);
    expect(organizationSectionSchema.safeParse({ ...base, foundedYear: 1999 }).data?.foundedYear).toBe(1999);
  });
});
