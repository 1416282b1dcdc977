import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/messages";

const line = (
  locale: "es" | "pt" | "en",
  event: "granted" | "suspended" | "reinstated" | "revoked" | "category_changed",
  category: "participant" | "observer",
) =>
  translator(locale, "RegisterOrganization")(event === "granted" || event === "category_changed" ? `historyLine.${event}.${category}` : `historyLine.${event}`);

describe("the register's history line", () => {
  it("reads naturally for every event in every language", () => {
    expect(line("en", "granted", "observer")).toBe("Accredited as an observer");
    expect(line("en", "category_changed", "observer")).toBe("Category changed to observer");
    expect(line("en", "reinstated", "participant")).toBe("Accreditation reinstated");
    expect(line("es", "category_changed", "participant")).toBe("Categoría cambiada a participante");
    expect(line("es", "suspended", "participant")).toBe("Acreditación suspendida");
    expect(line("pt", "category_changed", "observer")).toBe("Categoria alterada para observadora");
    expect(line("pt", "revoked", "observer")).toBe("Credenciamento revogado");
  });
});
