/** Hides the portal frame and interactive controls when printing, so the review prints cleanly to PDF. */
const PRINT_CSS = `
@media print {
  @page { size: A4; margin: 14mm; }
  html, body { background: #fff !important; }
  header.sticky, a[href="#main"] { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  #review section { box-shadow: none !important; break-inside: avoid; }
  #review table { min-width: 0 !important; }
}`;

/** The review's print rules. */
export function ReviewPrintStyle() {
  return <style>{PRINT_CSS}</style>;
}
