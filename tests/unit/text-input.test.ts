import { describe, expect, it } from "vitest";
import { organizationSectionSchema } from "@/lib/application-sections";
import { decisionSchema, nominationSchema } from "@/lib/delegates";
import { meetingSchema } from "@/lib/meeting-schema";
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

describe("the meeting and delegate forms, found by the bad-input suite", () => {
  const meeting = {
    number: "XXX",
    hostCountry: "UY",
    city: "Montevideo",
    startsOn: "2031-06-01",
    endsOn: "2031-06-02",
    applicationOpensOn: "2030-01-01",
    applicationClosesOn: "2030-02-01",
    nominationDeadlineOn: "2031-05-01",
    participantQuota: "3",
    observerQuota: "2",
  };
  const issues = (overrides: Record<string, string>) =>
    meetingSchema.safeParse({ ...meeting, ...overrides }).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

  it("a meeting's city of invisible characters only is empty", () => {
    expect(issues({ city: "\u200B\u200D\u2060\uFEFF" })).toEqual([["city", "required"]]);
  });

  it("a quota is digits as typed: 1e1 is not ten seats", () => {
    expect(issues({ participantQuota: "1e1" })).toEqual([["participantQuota", "MeetingValidation.quota"]]);
    expect(issues({ observerQuota: "0x5" })).toEqual([["observerQuota", "MeetingValidation.quota"]]);
    expect(meetingSchema.parse({ ...meeting, participantQuota: " 10 " }).participantQuota).toBe(10);
  });

  const nomination = {
    organizationId: crypto.randomUUID(),
    meetingId: crypto.randomUUID(),
    name: "Ana Pérez",
    email: "ana@example.org",
    roleInOrganization: "Coordinadora",
    nationality: "UY",
  };

  it("a delegate's name, role and nationality of invisible characters only are empty", () => {
    for (const field of ["name", "roleInOrganization", "nationality"]) {
      expect(firstMessage(nominationSchema.safeParse({ ...nomination, [field]: "\u200B\u2060" })), field).toBe("required");
    }
    expect(nominationSchema.parse({ ...nomination, accessibilityNeeds: "\u200B" }).accessibilityNeeds).toBeNull();
  });

  it("a decline needs a reason with something to read", () => {
    const decline = { delegateId: crypto.randomUUID(), decision: "decline" };
    expect(firstMessage(decisionSchema.safeParse({ ...decline, reason: "\u200B\uFEFF" }))).toBe("required");
    expect(decisionSchema.safeParse({ ...decline, reason: "Sin carta de la organización." }).success).toBe(true);
  });
});

describe("names and lists an attacker uses for spoofing or amplification (issue 16)", () => {
  it("a one-line name refuses line breaks, bidi overrides and zero-width characters", async () => {
    const { singleLineText } = await import("@/lib/text-input");
    expect(singleLineText(200).safeParse(" Red Jesuita con Migrantes ").data).toBe("Red Jesuita con Migrantes");
    expect(firstMessage(singleLineText(200).safeParse("Red\nhttps://phish.example"))).toBe("singleLine");
    expect(firstMessage(singleLineText(200).safeParse("Red\r\nx"))).toBe("singleLine");
    for (const value of ["Red\u202Egnp.exe", "Red\u2066x\u2069", "Cáritas\u200B", "Cár\uFEFFitas", "Red\u2060x", "Red\u200Dx"]) {
      expect(firstMessage(singleLineText(200).safeParse(value)), JSON.stringify(value)).toBe("hiddenCharacters");
    }
    expect(firstMessage(singleLineText(10).safeParse("x".repeat(11)))).toBe("tooLong");
  });

  it("the organization's names and city are one-line texts in the shared section schema", () => {
    const base = {
      legalName: "Red",
      type: "ngo",
      country: "UY",
      city: "Montevideo",
      foundedYear: 1999,
      registryName: "Registro",
      registryNumber: "1",
      website: null,
      contactEmail: "a@example.org",
      countriesOfWork: ["UY"],
    };
    expect(organizationSectionSchema.safeParse(base).success).toBe(true);
    for (const field of ["legalName", "acronym", "city", "registryName", "registryNumber"]) {
      const result = organizationSectionSchema.safeParse({ ...base, [field]: "Red\u202E\nx" });
      expect(result.success, field).toBe(false);
    }
  });

  it("lists are de-duplicated and never longer than their choices", async () => {
    const { choiceList } = await import("@/lib/text-input");
    const { workSectionSchema } = await import("@/lib/application-sections");
    const { THEMES } = await import("@/lib/domain");
    const repeated = workSectionSchema.safeParse({ themes: Array(100_000).fill("labour"), populationsServed: "x", description: "y" });
    expect(repeated.data?.themes).toEqual(["labour"]);
    expect(workSectionSchema.safeParse({ themes: [...THEMES, ...THEMES], populationsServed: "x", description: "y" }).data?.themes).toEqual([...THEMES]);
    expect(firstMessage(choiceList(["a", "b"] as const, 1).safeParse([]))).toBe("chooseAtLeastOne");
    expect(firstMessage(choiceList(["a", "b"] as const).safeParse(["a", "c"]))).toBe("required");
    expect(organizationSectionSchema.shape.countriesOfWork.safeParse(Array(50_000).fill("UY")).data).toEqual(["UY"]);
  });
});

describe("an organization's name in an e-mail", () => {
  it("is quoted on one line, without hidden characters, and short", async () => {
    const { quotedName } = await import("@/lib/text-input");
    expect(quotedName("Red Jesuita")).toBe("“Red Jesuita”");
    expect(quotedName("Urgent:\nverify your account at https://phish.example\r\n\u202Ex")).toBe("“Urgent: verify your account at https://phish.example x”");
    expect(quotedName("a“b”\u200Bc")).toBe('“a"b"c”');
    expect(quotedName("x".repeat(500)).length).toBe(202);
  });
});
