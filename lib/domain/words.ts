/** Small rules of written English the service's generated sentences share. */

/** The text with its first letter a capital: "a report re …" as a title or a sentence's start. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A name as it reads inside a sentence: "The Panel" gives "the Panel"; a person's name is unchanged. */
export function midSentence(name: string): string {
  return name.replace(/^The /, 'the ');
}
