import type { SyntheticEvent } from 'react';
import { get, set as setAt, useForm, useWatch, type FieldErrors as FormErrors, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from './form-errors';

// The one way a form is checked (docs/decisions/0013-web-forms.md): react-hook-form holds the
// values and the errors; the shared Zod schema, the same one the server uses, checks them on submit
// and again on every change after the first submit; a field the server rejects gets the server's
// message under it.

// The message under one input, by the dotted path of the request body ('partners.0.name').
export type ErrorOf = (path: string) => string | undefined;

// Any Zod schema; only its safeParse is used.
type Schema<TBody> = { safeParse: (value: unknown) => z.ZodSafeParseResult<TBody> };

// For a form whose rules only the server can check (they need the database): the body goes as the
// form made it, and the server's refusal puts its messages under the fields.
export function serverChecked<TBody>(): Schema<TBody> {
  return { safeParse: (value) => ({ success: true, data: value as TBody }) };
}

export type SchemaFormOptions<TValues extends FieldValues, TBody> = {
  schema: Schema<TBody>;
  defaultValues: TValues;
  // Server data the form follows: when it changes (a newer version), the form starts again from it.
  values?: TValues | undefined;
  // The form holds what the inputs give ('' for nothing, text as typed); the body is what the API takes.
  toBody?: (values: TValues) => unknown;
  // Rules the schema cannot state, checked with it (an OPD user needs an OPD).
  check?: (values: TValues) => FieldErrors;
  // The wording of a schema problem; the general form wording unless a form family has its own.
  messageOf?: (issue: z.core.$ZodIssue) => string;
  // Which fields a refused save names; every issue the server lists unless a form says otherwise.
  serverErrorsOf?: (error: unknown) => FieldErrors;
  // Long forms move the focus to the first marked field, so the reader starts where the problem is.
  focusOnError?: boolean;
};

// A message for a list that also has messages for its items is kept at '<list>.root', where
// react-hook-form keeps it; a problem of the whole value ('form') is its 'root'.
function errorKeys(flat: FieldErrors): [string, string][] {
  const paths = Object.keys(flat);
  return paths.map((path) => {
    if (path === 'form') return ['root', flat[path] ?? ''];
    const hasItems = paths.some((other) => other.startsWith(`${path}.`));
    return [hasItems ? `${path}.root` : path, flat[path] ?? ''];
  });
}

function nested(flat: FieldErrors): FormErrors {
  const errors: FormErrors = {};
  for (const [key, message] of errorKeys(flat)) setAt(errors, key, { type: 'validation', message });
  return errors;
}

// What the resolver gives react-hook-form: the body, or the messages by path.
export function resolveSchema<TValues extends FieldValues, TBody>(options: SchemaFormOptions<TValues, TBody>, values: TValues) {
  const parsed = options.schema.safeParse(options.toBody ? options.toBody(values) : values);
  const found = parsed.success ? {} : zodFieldErrors(parsed.error, options.messageOf);
  for (const [path, message] of Object.entries(options.check?.(values) ?? {})) found[path] ??= message;
  if (parsed.success && Object.keys(found).length === 0) return { values: parsed.data, errors: {} };
  return { values: {}, errors: nested(found) };
}

function messageAt(errors: object, path: string): string | undefined {
  const error = get<object, { message?: unknown; root?: { message?: unknown } } | undefined>(errors, path);
  const message = error?.message ?? error?.root?.message;
  return typeof message === 'string' && message ? message : undefined;
}

function firstMessage(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { message } = value as { message?: unknown };
  if (typeof message === 'string' && message) return message;
  for (const child of Object.values(value)) {
    const found = firstMessage(child);
    if (found) return found;
  }
  return undefined;
}

// Every message, for a form that lists them above its fields.
function allMessages(value: unknown, into: string[] = []): string[] {
  if (typeof value !== 'object' || value === null) return into;
  const { message } = value as { message?: unknown };
  if (typeof message === 'string' && message) into.push(message);
  for (const [key, child] of Object.entries(value)) if (key !== 'ref') allMessages(child, into);
  return into;
}

// The first rejected item of a list (one typed per line, say), counted from 1, and its message.
function firstItemAt(errors: object, path: string): { n: number; message: string } | null {
  const items = get(errors, path);
  if (typeof items !== 'object' || items === null) return null;
  // An array, or an object when the list's own message came first ('<list>.root').
  const indexes = Object.keys(items).filter((key) => /^\d+$/.test(key)).map(Number).sort((a, b) => a - b);
  for (const index of indexes) {
    const message = firstMessage((items as Record<number, unknown>)[index]);
    if (message) return { n: index + 1, message };
  }
  return null;
}

function focusFirstError() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

// Inside, react-hook-form sees plain records: its path types, instantiated over a form's own
// values type in a generic hook, are too deep for the type checker. The hook's own signature
// carries the form's types.
export function useSchemaForm<TValues extends FieldValues, TBody>(options: SchemaFormOptions<TValues, TBody>) {
  const form = useForm<FieldValues, unknown, unknown>({
    defaultValues: options.defaultValues,
    values: options.values,
    resolver: (values) => resolveSchema(options, values as TValues),
  });
  // Every field has a default value, so the watched values are whole.
  const values = useWatch({ control: form.control }) as TValues;
  const { errors, isSubmitted } = form.formState;
  const focus = () => {
    if (options.focusOnError) focusFirstError();
  };

  // Mantine's inputs are controlled: each change goes through here, and after the first submit
  // the field is checked again, so a message goes away as soon as the value is right.
  const set = <K extends keyof TValues & string>(name: K, value: TValues[K]) => form.setValue(name, value, { shouldDirty: true, shouldValidate: isSubmitted });

  const error: ErrorOf = (path) => messageAt(errors, path);
  const firstItemError = (path: string) => firstItemAt(errors, path);
  const errorMessages = () => allMessages(errors);

  // onValid gets the body the schema made and the values it was made from; nothing is sent while
  // a field is marked.
  const submit = (onValid: (body: TBody, values: TValues) => void) => (event?: SyntheticEvent) => {
    event?.preventDefault();
    void form.handleSubmit((body) => onValid(body as TBody, form.getValues() as TValues), focus)();
  };

  // A refused save: its messages under the fields it names. True when some field got one (the
  // form then says "check the marked fields" instead of the whole message).
  const showServerErrors = (failure: unknown): boolean => {
    const keys = errorKeys((options.serverErrorsOf ?? apiFieldErrors)(failure));
    for (const [key, message] of keys) form.setError(key, { type: 'server', message });
    if (keys.length > 0) focus();
    return keys.length > 0;
  };

  // Starts again from the given values (after a reload), with no message left.
  const reset = (next: TValues) => form.reset(next);
  const clearErrors = () => form.clearErrors();

  return { values, set, error, firstItemError, errorMessages, hasErrors: Object.keys(errors).length > 0, submit, showServerErrors, reset, clearErrors };
}

export type SchemaForm<TValues extends FieldValues, TBody> = ReturnType<typeof useSchemaForm<TValues, TBody>>;
