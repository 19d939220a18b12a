/** Where help content lives in the web app; the ask answers and the pages agree on these. */

/** The element id of one FAQ entry on /help. */
export function faqAnchor(id: string): string {
  return `faq-${id}`;
}

export function faqLink(id: string): string {
  return `/help#${faqAnchor(id)}`;
}

export function guideLink(chapterId: string, sectionId?: string): string {
  return sectionId ? `/guide/${chapterId}#${sectionId}` : `/guide/${chapterId}`;
}
