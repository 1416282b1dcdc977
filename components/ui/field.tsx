import type { ComponentProps, ReactNode } from "react";
import { FieldError, inputClass } from "@/components/ui/form";

/**
 * The labelled field of every form: label, optional hint, the control and its error, tied together
 * by ids (`id` defaults to the field's name; the error summary links to it).
 */
type Common = { name: string; id?: string; label: string; error?: string; hint?: string };
type Option = { value: string; label: string; hint?: string };

function describedBy(id: string, hint?: string) {
  return hint ? `${id}-hint ${id}-error` : `${id}-error`;
}

function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <p id={`${id}-hint`} className="text-sm text-slate-600">
      {hint}
    </p>
  ) : null;
}

function Label({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="block font-medium">
      {children}
    </label>
  );
}

/** Label, hint, the control and its error, in that order: the frame of every single-control field. */
function FieldShell({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      <Hint id={id} hint={hint} />
      {children}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function TextField({
  name,
  id = name,
  label,
  error,
  hint,
  defaultValue,
  type = "text",
  required,
  autoComplete,
  inputProps,
}: Common & {
  defaultValue: string;
  type?: string;
  required?: boolean;
  autoComplete?: string;
  /** Further attributes of the input (maxLength, min, step, inputMode…). */
  inputProps?: Omit<ComponentProps<"input">, "id" | "name" | "type" | "defaultValue" | "required" | "autoComplete" | "className">;
}) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        required={required}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint)}
        className={inputClass}
        {...inputProps}
      />
    </FieldShell>
  );
}

export function TextArea({
  name,
  id = name,
  label,
  error,
  hint,
  defaultValue,
  required,
  rows = 5,
}: Common & { defaultValue: string; required?: boolean; rows?: number }) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint)}
        className={inputClass}
      />
    </FieldShell>
  );
}

export function SelectField({
  name,
  id = name,
  label,
  error,
  hint,
  defaultValue,
  options,
  placeholder,
  required,
}: Common & {
  defaultValue: string;
  options: Option[];
  /** The empty first choice; none when a value is always chosen. */ placeholder?: string;
  required?: boolean;
}) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint)}
        className={inputClass}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Several choices; the first box carries the group's id, where the error summary lands. */
export function CheckboxGroup({ name, id = name, label, error, hint, selected, options }: Common & { selected: string[]; options: Option[] }) {
  return (
    <fieldset className="space-y-1" aria-describedby={describedBy(id, hint)}>
      <legend className="font-medium">{label}</legend>
      <Hint id={id} hint={hint} />
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        {options.map((option, index) => (
          <label key={option.value} className="flex min-h-11 items-center gap-2">
            <input
              id={index === 0 ? id : undefined}
              type="checkbox"
              name={name}
              value={option.value}
              defaultChecked={selected.includes(option.value)}
              className="size-6 shrink-0"
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

/** One choice of several, each option with an optional hint (GOV.UK radios). */
export function RadioGroup({
  name,
  id = name,
  label,
  error,
  hint,
  defaultValue,
  options,
  inline = false,
}: Common & { defaultValue: string; options: Option[]; inline?: boolean }) {
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy(id, hint)} aria-invalid={error ? true : undefined}>
      <legend className="font-medium">{label}</legend>
      <Hint id={id} hint={hint} />
      <div className={inline ? "flex flex-wrap gap-x-6" : "space-y-2"}>
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div key={option.value} className="flex min-h-11 items-start gap-3">
              <input
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                defaultChecked={defaultValue === option.value}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                className="mt-2.5 size-6 shrink-0"
              />
              <div className="py-2">
                <label htmlFor={optionId} className="block font-medium">
                  {option.label}
                </label>
                {option.hint && (
                  <p id={`${optionId}-hint`} className="text-sm text-slate-600">
                    {option.hint}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

export function Checkbox({ name, id = name, label, error, hint, defaultChecked, value }: Common & { defaultChecked: boolean; value?: string }) {
  return (
    <div className="space-y-1">
      <label className="flex min-h-11 items-start gap-2 py-1">
        <input
          id={id}
          type="checkbox"
          name={name}
          value={value}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint)}
          className="mt-0.5 size-6 shrink-0"
        />
        <span>{label}</span>
      </label>
      {hint && (
        <p id={`${id}-hint`} className="pl-8 text-sm text-slate-600">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
