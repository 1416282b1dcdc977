import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/domain";
import { can, type Operation } from "@/lib/permissions";

const root = path.resolve(__dirname, "../..");

function filesNamed(directory: string, name: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const file = path.join(directory, entry);
    if (statSync(file).isDirectory()) return filesNamed(file, name);
    return entry === name ? [file] : [];
  });
}

/** The permission a page or layout asks for with requirePageActor, if any. */
function requiredPermission(file: string): Operation | null {
  const match = /requirePageActor\(\s*"([^"]+)"/.exec(readFileSync(file, "utf8"));
  return (match?.[1] as Operation | undefined) ?? null;
}

/** The nearest layout above `directory` that checks who is asking. */
function checkingLayout(directory: string): { file: string; permission: Operation } | null {
  for (let current = path.dirname(directory); current.startsWith(path.join(root, "app")); current = path.dirname(current)) {
    const layout = path.join(current, "layout.tsx");
    const permission = existsSync(layout) ? requiredPermission(layout) : null;
    if (permission) return { file: layout, permission };
  }
  return null;
}

const boundaries = filesNamed(path.join(root, "app"), "loading.tsx").map((file) => path.dirname(file));

/**
 * A page inside a loading boundary answers after its status is sent (200): one that refuses a visitor
 * its layout admitted, or answers "not found", would do so with status 200. So every loading.tsx sits in
 * a route group of its own around one page that refuses nobody its layout admits.
 */
describe("loading skeletons never change a page's status", () => {
  it("finds the skeletons", () => {
    expect(boundaries.length).toBeGreaterThanOrEqual(5);
  });

  it.each(boundaries.map((directory) => [path.relative(root, directory), directory]))("%s wraps one page that its layout already guards", (_, directory) => {
    expect(path.basename(directory!)).toMatch(/^\(.+\)$/);
    const entries = readdirSync(directory!);
    expect(entries.sort()).toEqual(["loading.tsx", "page.tsx"]);
    const page = path.join(directory!, "page.tsx");
    const source = readFileSync(page, "utf8");
    expect(source).not.toMatch(/\b(notFound|forbidden|unauthorized)\(/);
    const layout = checkingLayout(directory!);
    expect(layout, "a layout that checks who is asking").not.toBeNull();
    const permission = requiredPermission(page);
    const refusedByPageOnly = ROLES.filter((role) => can(role, layout!.permission) && permission !== null && !can(role, permission));
    expect(refusedByPageOnly).toEqual([]);
  });
});
