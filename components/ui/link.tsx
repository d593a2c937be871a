import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The portal's links: next/link without prefetching (decision 034). Every page is rendered per
 * request and none has a loading boundary, so a prefetch brought nothing the click could show at
 * once, yet each link in view cost the server a render of the route's layouts: 30-40 of them per
 * page view, 10-15 times the page itself. A click fetches the page as before.
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
