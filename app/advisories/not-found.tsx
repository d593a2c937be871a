/** A page of this section that does not exist (components/ui/not-found-notice.tsx): answered with 404, inside the section's frame. */
export { NotFoundNotice as default } from "@/components/ui/not-found-notice";
