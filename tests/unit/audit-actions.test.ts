import { describe, expect, it } from "vitest";
import { describeAudit } from "@/lib/audit-actions";
import { catalogs } from "@/lib/i18n/messages";

const suspension = {
  action: "accreditation.suspended",
  actorName: "Ana Ruiz",
  targetName: "Centro X",
  organizationName: "Centro X",
  data: { previousStatus: "active", status: "suspended", previousCategory: "participant", category: "participant", reason: "Informe pendiente" },
};
const categoryChange = {
  ...suspension,
  action: "accreditation.category_changed",
  data: { previousStatus: "active", status: "active", previousCategory: "participant", category: "observer", reason: "Pidió el cambio" },
};
const deactivation = {
  action: "staff.deactivate",
  actorName: "Ana Ruiz",
  targetName: "Bruno Lima",
  organizationName: null,
  data: { email: "bruno@example.org", role: "reviewer", from: "active", to: "deactivated" },
};

describe("describeAudit", () => {
  it("reads a suspension as a sentence with names and its reason, in each language", () => {
    expect(describeAudit(suspension, "es")).toEqual({
      sentence: "Ana Ruiz suspendió la acreditación de Centro X",
      reason: "Informe pendiente",
      changes: [{ field: "Estado", before: "Activa", after: "Suspendida" }],
    });
    expect(describeAudit(suspension, "en").sentence).toBe("Ana Ruiz suspended Centro X’s accreditation");
    expect(describeAudit(suspension, "pt").sentence).toBe("Ana Ruiz suspendeu o credenciamento de Centro X");
  });

  it("shows a category change as before → after", () => {
    expect(describeAudit(categoryChange, "en").changes).toEqual([{ field: "Category", before: "Participant", after: "Observer" }]);
    expect(describeAudit(categoryChange, "pt").sentence).toBe("Ana Ruiz mudou a categoria do credenciamento de Centro X");
  });

  it("says whose account was deactivated and what changed", () => {
    expect(describeAudit(deactivation, "en")).toEqual({
      sentence: "Ana Ruiz deactivated Bruno Lima’s account",
      reason: null,
      changes: [{ field: "Account", before: "Active", after: "Deactivated" }],
    });
    expect(describeAudit(deactivation, "es").sentence).toBe("Ana Ruiz desactivó la cuenta de Bruno Lima");
  });

  it("names a role change in the reader's language", () => {
    const entry = { action: "staff.role_change", actorName: "Ana", targetName: "Bruno", organizationName: null, data: { from: "reviewer", to: "admin" } };
    expect(describeAudit(entry, "en").changes).toEqual([{ field: "Role", before: "Reviewer", after: "Administrator" }]);
  });

  it("says an admin was made from the server console, and from what role", () => {
    const entry = {
      action: "staff.console_admin",
      actorName: null,
      targetName: "it@example.org",
      organizationName: null,
      data: { email: "it@example.org", role: "admin", previousRole: "applicant" },
    };
    expect(describeAudit(entry, "en")).toEqual({
      sentence: "it@example.org was made an administrator from the server console",
      reason: null,
      changes: [{ field: "Role", before: "Applicant", after: "Administrator" }],
    });
    expect(describeAudit(entry, "es").sentence).toBe("it@example.org recibió el rol de administrador desde la consola del servidor");
  });

  it("lists only the fields of a meeting that changed", () => {
    const entry = {
      action: "meeting.update",
      actorName: "Ana",
      targetName: "XXIII",
      organizationName: null,
      data: { old: { number: "XXIII", city: "Lima", participantQuota: 3 }, new: { number: "XXIII", city: "Quito", participantQuota: 3 } },
    };
    expect(describeAudit(entry, "es")).toMatchObject({ sentence: "Ana editó la XXIII CSM", changes: [{ field: "Ciudad", before: "Lima", after: "Quito" }] });
  });

  it("has a sentence for every action the portal records, in every language", () => {
    for (const locale of ["es", "pt", "en"] as const) {
      const sentences = catalogs[locale].AuditActions.sentences as Record<string, Record<string, string>>;
      for (const [group, actions] of Object.entries(sentences)) {
        for (const action of Object.keys(actions)) {
          const sentence = describeAudit({ action: `${group}.${action}`, actorName: "A", targetName: "B", organizationName: "C", data: {} }, locale).sentence;
          expect(sentence).not.toContain(`${group}.${action}`);
          expect(sentence).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it("falls back to the stored key for an action it does not know", () => {
    expect(describeAudit({ action: "x.y", actorName: null, targetName: null, organizationName: null, data: null }, "en").sentence).toBe("The system: x.y");
  });
});
