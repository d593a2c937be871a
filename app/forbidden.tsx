/** A page the signed-in role may not use, where its section has no forbidden.tsx of its own: answered with 403. */
export { refusedMetadata as generateMetadata, BareRefusal as default } from "@/components/ui/refused";
