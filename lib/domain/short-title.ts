/** A title cut to a length an email list or a calendar reads at a glance, on one line. */
export function shortTitle(title: string, max = 90): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}
