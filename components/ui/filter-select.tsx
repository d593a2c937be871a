/** One select of a GET filter form: its choices as [value, label], with an "any" choice first. */
export type FilterSelectProps = {
  name: string;
  label: string;
  value: string | undefined;
  anyLabel: string;
  options: readonly (readonly [string, string])[];
};

/** A filter form's labelled select (the queue's and the incidents list's filters). */
export function FilterSelect({ name, label, value, anyLabel, options }: FilterSelectProps) {
  return (
    <label className="text-sm">
      <span className="block font-medium text-slate-700">{label}</span>
      <select
        name={name}
        defaultValue={value ?? ""}
        className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      >
        <option value="">{anyLabel}</option>
        {options.map(([o, text]) => (
          <option key={o} value={o}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
