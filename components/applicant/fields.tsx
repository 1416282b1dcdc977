import type { ReactNode } from "react";
import { FieldError, inputClass } from "@/components/ui/form";

type Common = { name: string; label: string; error?: string; hint?: string };

function describedBy(name: string, hint?: string) {
  return hint ? `${name}-hint ${name}-error` : `${name}-error`;
}

function Hint({ name, hint }: { name: string; hint?: string }) {
  return hint ? (
    <p id={`${name}-hint`} className="text-sm text-slate-600">
      {hint}
    </p>
  ) : null;
}

export function TextField({ name, label, error, hint, defaultValue, type = "text", required, autoComplete }: Common & { defaultValue: string; type?: string; required?: boolean; autoComplete?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        required={required}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint)}
        className={inputClass}
      />
      <FieldError id={`${name}-error`} message={error} />
    </div>
  );
}

export function TextArea({ name, label, error, hint, defaultValue, required }: Common & { defaultValue: string; required?: boolean }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <textarea
        id={name}
        name={name}
        rows={5}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint)}
        className={inputClass}
      />
      <FieldError id={`${name}-error`} message={error} />
    </div>
  );
}

export function SelectField({ name, label, error, defaultValue, options, placeholder, required }: Common & { defaultValue: string; options: { value: string; label: string }[]; placeholder: string; required?: boolean }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      <select
        id={name}
        name={name}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${name}-error`}
        className={inputClass}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={`${name}-error`} message={error} />
    </div>
  );
}

export function CheckboxGroup({ name, label, error, selected, options }: Common & { selected: string[]; options: { value: string; label: string }[] }) {
  return (
    <fieldset className="space-y-1" aria-describedby={`${name}-error`}>
      <legend className="font-medium">{label}</legend>
      <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2">
            <input type="checkbox" name={name} value={option.value} defaultChecked={selected.includes(option.value)} className="size-5" />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`} message={error} />
    </fieldset>
  );
}

/** One choice of several, each option with an optional hint (GOV.UK radios). */
export function RadioGroup({
  name,
  label,
  error,
  hint,
  defaultValue,
  options,
}: Common & { defaultValue: string; options: { value: string; label: string; hint?: string }[] }) {
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy(name, hint)} aria-invalid={error ? true : undefined}>
      <legend className="font-medium">{label}</legend>
      <Hint name={name} hint={hint} />
      {options.map((option, index) => {
        // The first radio carries the group's name as id: the error summary links there.
        const id = index === 0 ? name : `${name}-${option.value}`;
        return (
          <div key={option.value} className="flex items-start gap-3">
            <input
              id={id}
              type="radio"
              name={name}
              value={option.value}
              defaultChecked={defaultValue === option.value}
              aria-describedby={option.hint ? `${id}-hint` : undefined}
              className="mt-1 size-6 shrink-0"
            />
            <div>
              <label htmlFor={id} className="block min-h-8 font-medium">
                {option.label}
              </label>
              {option.hint && (
                <p id={`${id}-hint`} className="text-sm text-slate-600">
                  {option.hint}
                </p>
              )}
            </div>
          </div>
        );
      })}
      <FieldError id={`${name}-error`} message={error} />
    </fieldset>
  );
}

export function Checkbox({ name, label, error, defaultChecked }: Common & { defaultChecked: boolean }): ReactNode {
  return (
    <div className="space-y-1">
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${name}-error`}
          className="mt-1 size-5 shrink-0"
        />
        <span>{label}</span>
      </label>
      <FieldError id={`${name}-error`} message={error} />
    </div>
  );
}
