/** A text field's value, "" when the form has no such field (a text field never holds a File). */
export function formText(form: HTMLFormElement | FormData, name: string): string {
  const value = (form instanceof FormData ? form : new FormData(form)).get(name);
  return typeof value === "string" ? value : "";
}
