import { describe, expect, it } from "vitest";
import { searchKey } from "@/lib/search-key";

describe("searchKey", () => {
  it("drops accents and case", () => {
    expect(searchKey("Asociación")).toBe("asociacion");
    expect(searchKey("São Paulo")).toBe("sao paulo");
    expect(searchKey("ÑANDÚ Güemes Conferência")).toBe("nandu guemes conferencia");
  });

  it("joins the non-empty parts and collapses whitespace", () => {
    expect(searchKey("  Servicio   Jesuita\tMigrante ", null, undefined, "", "SJM Chile")).toBe("servicio jesuita migrante sjm chile");
    expect(searchKey()).toBe("");
  });

  it("makes a decomposed accent match a precomposed one", () => {
    expect(searchKey("Asocia\u0063\u0069\u006f\u0301n")).toBe(searchKey("Asociación"));
  });
});
