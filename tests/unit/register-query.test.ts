import { describe, expect, it } from "vitest";
import { API_MAX_PAGE_SIZE, parseRegisterQuery, REGISTER_PAGE_SIZE, registerSearchParams } from "@/lib/register-query";

describe("the register's URL parameters", () => {
  it("read every filter, the sort and the page", () => {
    const query = parseRegisterQuery(
      new URLSearchParams("q=%20Acci%C3%B3n%20&country=CL&category=observer&status=suspended&type=ngo&theme=health&sort=recent&page=3"),
    );
    expect(query).toEqual({
      q: "Acción",
      country: "CL",
      category: "observer",
      status: "suspended",
      type: "ngo",
      theme: "health",
      sort: "recent",
      page: 3,
      perPage: REGISTER_PAGE_SIZE,
    });
  });

  it("drop unknown or malformed values instead of failing, so an old link still opens", () => {
    const query = parseRegisterQuery({ country: "XX", status: "revoked", type: ["ngo", "academic"], sort: "evil", page: "-1", per_page: "1e9" });
    expect(query).toMatchObject({ country: null, status: null, type: "ngo", sort: "name", page: 1, perPage: REGISTER_PAGE_SIZE });
    expect(parseRegisterQuery({ page: "0" }).page).toBe(1);
    expect(parseRegisterQuery({ q: "x".repeat(500) }).q).toHaveLength(100);
  });

  it("cap the page size", () => {
    expect(parseRegisterQuery({ per_page: "5000" }, { maxPerPage: API_MAX_PAGE_SIZE }).perPage).toBe(API_MAX_PAGE_SIZE);
    expect(parseRegisterQuery({ per_page: "7" }, { maxPerPage: API_MAX_PAGE_SIZE }).perPage).toBe(7);
  });

  it("write back only what differs from the defaults, so equal searches share one URL", () => {
    const query = parseRegisterQuery({ q: "sjm", country: "regional", sort: "name", page: "1" });
    expect(registerSearchParams(query).toString()).toBe("q=sjm&country=regional");
    expect(registerSearchParams({ ...query, page: 2, perPage: 10 }, { withPerPage: "non-default" }).toString()).toBe(
      "q=sjm&country=regional&page=2&per_page=10",
    );
    expect(registerSearchParams({ ...query, page: 4 }, { withPage: false }).toString()).toBe("q=sjm&country=regional");
  });
});
