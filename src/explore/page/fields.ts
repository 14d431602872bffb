import { UserError } from '../../browser.ts';

/** A bad value in one field: its message goes next to that field. */
export class FieldError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

export function element<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`the page has no #${id}`);
  return e as T;
}

export function value(id: string): string {
  return element<HTMLInputElement | HTMLSelectElement>(id).value.trim();
}

export function setValue(id: string, v: string): void {
  element<HTMLInputElement | HTMLSelectElement>(id).value = v;
}

/**
 * Runs `fn`; a UserError it throws (the library's one-line message, as the CLI prints it) becomes
 * a FieldError on `field`, or on the field `route` picks from the message.
 */
export function at<T>(field: string | ((message: string) => string), fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UserError) throw new FieldError(typeof field === 'string' ? field : field(e.message), e.message);
    throw e;
  }
}

/** The same, for a promise. */
export async function atAsync<T>(field: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof UserError) throw new FieldError(field, e.message);
    throw e;
  }
}

/** Shows `message` under the field (the element #<field>-error), or clears it. */
export function showFieldError(field: string, message: string | null): void {
  const box = element(`${field}-error`);
  box.textContent = message ?? '';
  box.hidden = message === null;
  document.getElementById(field)?.classList.toggle('invalid', message !== null);
}

export function clearFieldErrors(panel: string): void {
  for (const e of document.querySelectorAll<HTMLElement>(`#${panel} .error`)) {
    e.textContent = '';
    e.hidden = true;
  }
  for (const e of document.querySelectorAll(`#${panel} .invalid`)) e.classList.remove('invalid');
}

/** A number field: empty means "the default" (undefined); anything else is read as the CLI reads it. */
export function optionalNumber(text: string): number | undefined {
  return text === '' ? undefined : Number(text);
}
