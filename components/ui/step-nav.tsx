"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";
import { usePathname } from "@/lib/i18n/navigation";

export type Step = { href: string; label: string; done: boolean };
type Extra = { href: string; label: string };

type Props = {
  label: string;
  steps: Step[];
  /** Pages around the steps (status before, check-your-answers after): listed, not counted. */
  before?: Extra;
  after?: Extra;
  doneLabel: string;
  todoLabel: string;
};

const itemClass = "flex min-h-11 items-center justify-between gap-2 rounded px-2 py-1 text-brand-800 hover:bg-brand-50";
const currentClass = "border-l-4 border-brand-700 bg-brand-50 font-semibold";

/**
 * A task list of numbered steps with the current one marked (aria-current="step"). On a phone
 * it folds into one line, "Step 2 of 6: Work", so the page's heading stays on the first screen.
 */
export function StepNav({ label, steps, before, after, doneLabel, todoLabel }: Props) {
  const t = useTranslations("UI");
  const pathname = usePathname();
  const currentIndex = steps.findIndex((step) => step.href === pathname);
  const current = steps[currentIndex];
  const isCurrent = (href: string) => href === pathname;

  const list = (
    <ol className="space-y-1">
      {before && (
        <li>
          <Link
            href={before.href}
            aria-current={isCurrent(before.href) ? "page" : undefined}
            className={`${itemClass} ${isCurrent(before.href) ? currentClass : ""}`}
          >
            {before.label}
          </Link>
        </li>
      )}
      {steps.map((step, index) => (
        <li key={step.href}>
          <Link
            href={step.href}
            aria-current={isCurrent(step.href) ? "step" : undefined}
            className={`${itemClass} ${isCurrent(step.href) ? currentClass : ""}`}
          >
            <span>
              {index + 1}. {step.label}
            </span>
            <span className={`text-xs ${step.done ? "text-green-800" : "text-slate-600"}`}>{step.done ? doneLabel : todoLabel}</span>
          </Link>
        </li>
      ))}
      {after && (
        <li>
          <Link
            href={after.href}
            aria-current={isCurrent(after.href) ? "page" : undefined}
            className={`${itemClass} ${isCurrent(after.href) ? currentClass : ""}`}
          >
            {after.label}
          </Link>
        </li>
      )}
    </ol>
  );

  return (
    <nav aria-label={label} className="md:w-64 md:shrink-0">
      <details key={pathname} className="group rounded-md border border-slate-300 md:hidden">
        <summary className="flex min-h-11 cursor-pointer items-center justify-between gap-2 after:content-['▾'] group-open:after:content-['▴'] px-3 font-medium text-brand-800">
          {current ? `${t("stepProgress", { current: currentIndex + 1, total: steps.length })}: ${current.label}` : t("stepsShow")}
        </summary>
        <div className="border-t border-slate-200 p-2">{list}</div>
      </details>
      <div className="hidden md:block">{list}</div>
    </nav>
  );
}
