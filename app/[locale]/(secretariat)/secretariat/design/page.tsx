import { getTranslations } from "next-intl/server";
import { ConfirmSample, FileUploadSamples, type InteractiveText } from "@/components/design/interactive-samples";
import { DataTable } from "@/components/ui/data-table";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Checkbox, CheckboxGroup, RadioGroup, SelectField, TextArea, TextField } from "@/components/ui/field";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { Pager } from "@/components/ui/pager";
import { Panel } from "@/components/ui/panel";
import { StatusBadge } from "@/components/ui/status-badge";
import { StepNav } from "@/components/ui/step-nav";
import { Timeline } from "@/components/ui/timeline";
import { APPLICATION_STATUSES, CSM_COUNTRIES, THEMES } from "@/lib/domain";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { requirePageActor } from "@/lib/server/session";

export const generateMetadata = titleMetadata("DesignSystem");

/** Every component of components/ui in its states, for whoever reviews the design (admins). */
export default async function DesignSystemPage({ params }: PageProps<"/[locale]/secretariat/design">) {
  const locale = await setPageLocale(params);
  await requirePageActor("design-system:read", "/secretariat/design");
  const [t, tForm, tChoice, tCountry, tValidation, tDocs, tConfirm, tSection, tNav, tStatus, tStatusName, tQueue] = await Promise.all([
    getTranslations("DesignSystem"),
    getTranslations("ApplicantForm"),
    getTranslations("ApplicantChoices"),
    getTranslations("Country"),
    getTranslations("Validation"),
    getTranslations("ApplicantDocuments"),
    getTranslations("Review.confirm"),
    getTranslations("ApplicantSection"),
    getTranslations("ApplicantNav"),
    getTranslations("ApplicantStatus"),
    getTranslations("Status"),
    getTranslations("Queue"),
  ]);
  const countries = CSM_COUNTRIES.slice(0, 4).map((code) => ({ value: code, label: tCountry(code) }));
  const document = tDocs("kind.statute");
  const interactive: InteractiveText = {
    confirm: { open: t("confirmOpen"), title: tConfirm("title"), body: t("confirmBody"), submit: tConfirm("submit"), back: tConfirm("back") },
    upload: {
      label: tDocs("choose", { document }),
      hint: tDocs("hint"),
      current: tDocs("current"),
      none: tDocs("none"),
      progressLabel: tDocs("progressLabel", { document }),
      progress: tDocs.raw("progress") as string,
      cancel: tDocs("cancel"),
      tooLarge: tDocs("rejected.too_large"),
      uploadFailed: tDocs("uploadFailed"),
      offline: tDocs("offline"),
      submit: tDocs("upload", { document }),
    },
    uploadError: tDocs("rejected.bad_type"),
  };
  const now = new Date();
  const day = 86_400_000;
  const base = "/secretariat/design";
  const sampleRows = [
    { number: 1, country: CSM_COUNTRIES[0], status: "submitted" as const },
    { number: 2, country: CSM_COUNTRIES[1], status: "in_review" as const },
    { number: 3, country: CSM_COUNTRIES[2], status: "accredited_participant" as const },
  ];

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("lead")}</p>
      </header>

      <Panel id="design-fields" title={t("fields")}>
        <div className="grid gap-6 lg:grid-cols-2">
          <TextField name="design-legal-name" label={tForm("legalName")} defaultValue="" />
          <TextField name="design-website" label={tForm("website")} hint={tForm("websiteHint")} type="url" defaultValue="https://" />
          <TextField name="design-city" label={tForm("city")} defaultValue="" error={tValidation("required")} />
          <SelectField name="design-select" label={tForm("country")} placeholder={tForm("choose")} defaultValue="" options={countries} />
          <TextArea name="design-description" label={tForm("description")} hint={tForm("descriptionHint")} defaultValue="" rows={3} />
          <TextArea name="design-populations" label={tForm("populationsServed")} defaultValue="" rows={3} error={tValidation("required")} />
          <CheckboxGroup
            name="design-checkboxes"
            label={tForm("themes")}
            selected={[THEMES[0]]}
            options={THEMES.slice(0, 4).map((theme) => ({ value: theme, label: tChoice(`theme.${theme}`) }))}
          />
          <RadioGroup
            name="design-radios"
            label={tForm("requestedCategory")}
            hint={tForm("requestedCategoryHint")}
            defaultValue=""
            error={tValidation("required")}
            options={[
              { value: "participant", label: tForm("categoryParticipant"), hint: tForm("categoryParticipantHint") },
              { value: "observer", label: tForm("categoryObserver"), hint: tForm("categoryObserverHint") },
            ]}
          />
          <Checkbox name="design-checkbox" label={tForm("codeOfConduct")} defaultChecked={false} error={tValidation("mustAccept")} />
        </div>
      </Panel>

      <Panel id="design-messages" title={t("messages")}>
        <ErrorSummary
          errors={{ "design-city": tValidation("required"), "design-radios": tValidation("required") }}
          labels={{ "design-city": tForm("city"), "design-radios": tForm("requestedCategory") }}
          focus={false}
        />
        <FormMessage state={{ status: "success", message: t("successSample") }} />
        <FormMessage state={{ status: "error", message: t("errorSample") }} />
        <div className="flex flex-wrap gap-3">
          <SubmitButton type="button">{tForm("save")}</SubmitButton>
          <SubmitButton type="button" pending>
            {tForm("save")}
          </SubmitButton>
        </div>
      </Panel>

      <Panel id="design-steps" title={t("steps")}>
        <StepNav
          label={tNav("label")}
          steps={[
            { href: `${base}#organization`, label: tSection("organization"), done: true },
            { href: base, label: tSection("work"), done: false },
            { href: `${base}#documents`, label: tSection("documents"), done: false },
          ]}
          before={{ href: `${base}#status`, label: tNav("status") }}
          after={{ href: `${base}#review`, label: tNav("review") }}
          doneLabel={tNav("complete")}
          todoLabel={tNav("incomplete")}
        />
      </Panel>

      <Panel id="design-upload" title={t("upload")}>
        <FileUploadSamples text={interactive} />
      </Panel>

      <Panel id="design-status" title={t("status")}>
        <ul className="flex flex-wrap gap-2">
          {APPLICATION_STATUSES.map((status) => (
            <li key={status}>
              <StatusBadge status={status} />
            </li>
          ))}
        </ul>
      </Panel>

      <div className="grid gap-4 lg:grid-cols-3">
        <Panel id="design-panel-plain" title={t("panelPlain")}>
          <p>{t("panelBody")}</p>
        </Panel>
        <Panel id="design-panel-notice" title={t("panelNotice")} tone="notice">
          <p>{t("panelBody")}</p>
        </Panel>
        <Panel id="design-panel-success" title={t("panelSuccess")} tone="success">
          <p>{t("panelBody")}</p>
        </Panel>
      </div>

      <Panel id="design-lists" title={t("lists")}>
        <FilterBar
          label={tQueue("filters")}
          search={{ label: tQueue("search"), value: undefined }}
          activeFilters={1}
          clearHref={base}
          total={{ text: tQueue("total", { total: sampleRows.length }), testId: "design-total" }}
        >
          <FilterSelect name="country" label={tQueue("country")} value={countries[0]?.value} options={countries} />
        </FilterBar>
        <DataTable
          caption={tQueue("tableCaption")}
          rows={sampleRows}
          rowKey={(row) => String(row.number)}
          empty={tQueue("empty")}
          sort={{ key: "name", dir: "asc", hrefFor: () => `/${locale}${base}` }}
          columns={[
            {
              key: "organization",
              header: tQueue("organization"),
              rowHeader: true,
              sortKey: "name",
              cell: (row) => t("listsOrganization", { number: row.number }),
            },
            { key: "country", header: tQueue("country"), cell: (row) => tCountry(row.country) },
            { key: "status", header: tQueue("status"), cell: (row) => <StatusBadge status={row.status} /> },
          ]}
        />
        <DataTable caption={tQueue("tableCaption")} rows={[]} rowKey={() => ""} empty={tQueue("empty")} columns={[]} />
        <Pager page={5} pageCount={12} hrefFor={(page) => `/${locale}${base}?page=${page}`} />
      </Panel>

      <Panel id="design-confirm" title={t("confirm")}>
        <ConfirmSample text={interactive} />
      </Panel>

      <Panel id="design-timeline" title={t("timeline")}>
        <Timeline
          format={(at) => at.toISOString().slice(0, 10)}
          items={[
            {
              id: "1",
              at: new Date(now.getTime() - 9 * day),
              meta: tStatus("by.organization"),
              title: tStatus("movedTo", { status: tStatusName("submitted") }),
            },
            { id: "2", at: new Date(now.getTime() - 2 * day), meta: tStatus("by.secretariat"), title: tStatus("messageEntry"), body: t("timelineMessage") },
          ]}
        />
      </Panel>
    </article>
  );
}
