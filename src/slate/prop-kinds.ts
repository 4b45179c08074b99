/** One option of a Select: what it submits and what it shows. */
export interface SelectItem {
  value: string;
  text: string;
}

/** How one prop of a component is checked at run time; the builder's prop types are derived from the same description. */
export type PropKind =
  | { readonly kind: 'string'; readonly required?: true }
  | { readonly kind: 'boolean'; readonly required?: true }
  | { readonly kind: 'number'; readonly required?: true }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly required?: true }
  | { readonly kind: 'items'; readonly required?: true }
  | { readonly kind: 'object'; readonly required?: true };

/** A string prop. */
export const string = { kind: 'string' } as const;
/** A boolean prop. */
export const boolean = { kind: 'boolean' } as const;
/** A finite number prop. */
export const number = { kind: 'number' } as const;
/** A Select's options: `[{ value, text }]`. */
export const items = { kind: 'items' } as const;
/** A plain JSON object prop (a form's default values, an alignment). */
export const object = { kind: 'object' } as const;

/** A prop that takes one of the given strings. */
export function oneOf<const TValues extends readonly string[]>(...values: TValues): { readonly kind: 'enum'; readonly values: TValues } {
  return { kind: 'enum', values };
}

/** Marks a prop as one the component cannot do without. */
export function required<const TKind extends PropKind>(kind: TKind): TKind & { readonly required: true } {
  return { ...kind, required: true };
}

/** The TypeScript type of a value of one prop kind. */
export type PropValue<TKind> = TKind extends { kind: 'string' }
  ? string
  : TKind extends { kind: 'boolean' }
    ? boolean
    : TKind extends { kind: 'number' }
      ? number
      : TKind extends { kind: 'enum'; values: readonly (infer TValue)[] }
        ? TValue
        : TKind extends { kind: 'items' }
          ? SelectItem[]
          : TKind extends { kind: 'object' }
            ? Record<string, unknown>
            : never;

type RequiredKeys<TSpec> = { [TKey in keyof TSpec]: TSpec[TKey] extends { required: true } ? TKey : never }[keyof TSpec];

/** The props object a component description allows: required props required, the others optional. */
export type PropsOf<TSpec> = { [TKey in RequiredKeys<TSpec>]: PropValue<TSpec[TKey]> } & {
  [TKey in Exclude<keyof TSpec, RequiredKeys<TSpec>>]?: PropValue<TSpec[TKey]>;
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a value does not fit a prop kind, or undefined when it fits. */
export function propProblem(kind: PropKind, value: unknown): string | undefined {
  switch (kind.kind) {
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be a boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a finite number';
    case 'enum':
      return typeof value === 'string' && kind.values.includes(value) ? undefined : `must be one of ${kind.values.join(', ')}`;
    case 'object':
      return isPlainObject(value) ? undefined : 'must be an object';
    case 'items':
      return Array.isArray(value) && value.every((item) => isPlainObject(item) && typeof item.value === 'string' && typeof item.text === 'string')
        ? undefined
        : 'must be an array of { value, text } strings';
  }
}
