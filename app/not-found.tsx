/** An address no route matches, or a missing page where its section has no not-found.tsx of its own: outside any frame. */
export { BareNotFound as default } from "@/components/ui/not-found-notice";
