/** A page of this section the signed-in role may not use (components/ui/refused.tsx): answered with 403, inside the section's shell. */
export { refusedMetadata as generateMetadata, RefusalNotice as default } from "@/components/ui/refused";
